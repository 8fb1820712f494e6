/**
 * The task pane outside Excel: open an .xlsx (file input or drag and drop), work on it with the same App,
 * download the result. The workbook is read and written in this browser only; nothing is sent anywhere.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { type DragEvent, useId, useMemo, useState } from 'react';
import { App } from '../taskpane/App';
import { type Lang, translator } from '../taskpane/i18n';
import { saveBlob } from '../taskpane/save-file';
import { type FileSession, type SessionOpener, isXlsx, resultFileName } from './session';
import { LanguageSwitch } from '../taskpane/components/LanguageSwitch';
import { WorkbookFileError } from '../host/xlsx/file-error';

const useStyles = makeStyles({
  page: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    textAlign: 'center',
  },
  dragging: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: {
    // The native input stays in the focus order and is read by screen readers; the label is its face.
    position: 'absolute',
    width: '1px',
    height: '1px',
    opacity: 0,
    overflow: 'hidden',
  },
  pick: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
  },
  focusWithin: {
    ':focus-within': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  fileName: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

type PageState =
  | { status: 'empty'; error?: string }
  | { status: 'loading'; name: string }
  | { status: 'open'; session: FileSession };

export function StandalonePage({
  opener,
  initialLang = 'vi',
}: {
  opener: SessionOpener;
  initialLang?: Lang;
}) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [state, setState] = useState<PageState>({ status: 'empty' });
  const t = useMemo(() => translator(lang), [lang]);

  async function openWith(name: string, open: () => Promise<FileSession>) {
    setState({ status: 'loading', name });
    try {
      setState({ status: 'open', session: await open() });
    } catch (error) {
      const message = error instanceof WorkbookFileError ? error.text[lang] : t('standalone.unreadable');
      setState({ status: 'empty', error: t('standalone.openFailed', { name, message }) });
    }
  }

  function openFile(file: File) {
    if (!isXlsx(file)) {
      setState({ status: 'empty', error: t('standalone.notXlsx', { name: file.name }) });
      return;
    }
    void openWith(file.name, () => opener.open(file));
  }

  if (state.status === 'open') {
    const { session } = state;
    return (
      <App
        actions={session.actions}
        lang={lang}
        onLangChange={setLang}
        initialView={session.blank ? 'create' : 'check'}
        toolbar={
          <SessionToolbar session={session} lang={lang} onClose={() => setState({ status: 'empty' })} />
        }
      />
    );
  }

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <OpenScreen
        lang={lang}
        onLang={setLang}
        loading={state.status === 'loading' ? state.name : undefined}
        error={state.status === 'empty' ? state.error : undefined}
        onFile={openFile}
        onBlank={() => void openWith(t('standalone.new'), () => opener.blank())}
      />
    </FluentProvider>
  );
}

function OpenScreen({
  lang,
  onLang,
  loading,
  error,
  onFile,
  onBlank,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  loading?: string;
  error?: string;
  onFile: (file: File) => void;
  onBlank: () => void;
}) {
  const t = translator(lang);
  const styles = useStyles();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <main className={styles.page}>
      <div className={styles.header}>
        <Text as="h1" size={600} weight="semibold">
          {t('standalone.title')}
        </Text>
        <LanguageSwitch lang={lang} onChange={onLang} />
      </div>
      <Text as="p">{t('standalone.intro')}</Text>
      <section
        aria-label={t('standalone.pick')}
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className={styles.focusWithin}>
          <input
            id={inputId}
            className={styles.input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) onFile(file);
              event.currentTarget.value = '';
            }}
          />
          <label htmlFor={inputId} className={styles.pick}>
            {t('standalone.pick')}
          </label>
        </span>
        <Text>{t('standalone.drop')}</Text>
        <Button onClick={onBlank}>{t('standalone.new')}</Button>
      </section>
      <div aria-live="polite">
        {loading && <Spinner size="small" label={t('standalone.loading', { name: loading })} />}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </main>
  );
}

function SessionToolbar({
  session,
  lang,
  onClose,
}: {
  session: FileSession;
  lang: Lang;
  onClose: () => void;
}) {
  const t = translator(lang);
  const styles = useStyles();
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  async function download() {
    setSaving(true);
    setFailed(undefined);
    try {
      saveBlob(resultFileName(session.name), await session.save());
    } catch (error) {
      // Never a silent failure: the person is told, in their language, and what to do.
      const message = error instanceof WorkbookFileError ? error.text[lang] : t('standalone.unreadable');
      setFailed(t('standalone.saveFailed', { name: session.name, message }));
    } finally {
      setSaving(false);
    }
  }
  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t('app.source', { source: session.name })}>
      <span className={styles.fileName}>{t('app.source', { source: session.name })}</span>
      <Button appearance="primary" disabled={saving} onClick={() => void download()}>
        {t('standalone.download')}
      </Button>
      <Button onClick={onClose}>{t('standalone.close')}</Button>
      {session.notice && (
        <MessageBar intent="info" data-testid="normalised-notice">
          <MessageBarBody>{session.notice[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {failed && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
