/**
 * The task pane: one tab per job (create, check, compute, awards, leadership, the year's end), a language switch, and the
 * host's own toolbar (the standalone page puts its file controls there). It receives the actions as a prop
 * and never calls Excel: the same component runs inside Excel and in a plain browser.
 */
import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { AppActions } from '../app/actions';
import { type Lang, translator } from './i18n';
import { type Delivered, type Incoming, type IncomingSource, type IncomingView, VIEW_IDS } from './incoming';
import { LangContext } from './lang';
import { whenIdle } from './when-idle';
import { type SaveFile, downloadFile, textFile } from './save-file';
import { AwardsView, type SaveText } from './views/AwardsView';
import { CheckView } from './views/CheckView';
import { ComputeView } from './views/ComputeView';
import { CreateView } from './views/CreateView';
import { ExchangeView } from './views/ExchangeView';
import { SettingsView } from './views/SettingsView';
import { RotationView } from './views/RotationView';
import { YearEndView } from './views/YearEndView';
import { LanguageSwitch } from './components/LanguageSwitch';

export type ViewId = IncomingView;
export { VIEW_IDS };

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { flexWrap: 'wrap', padding: `0 ${tokens.spacingHorizontalXS}` },
  main: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`, flexGrow: 1 },
});

export interface AppProps {
  actions: AppActions;
  initialLang?: Lang;
  /** Controlled language (the standalone page keeps it across opening files); else the app keeps its own. */
  lang?: Lang;
  onLangChange?: (lang: Lang) => void;
  initialView?: ViewId;
  /** The year the create form starts with. */
  defaultYear?: number;
  /** Where files the app produces are saved (default: a download on this machine; inside Excel a dialog). */
  saveFile?: SaveFile;
  /** Where JSON the app produces is saved (default: through saveFile). */
  saveText?: SaveText;
  /** Extra controls of the host page (the standalone page's file name, download and close). */
  toolbar?: ReactNode;
  /** Reports from ribbon commands (inside Excel). */
  incoming?: IncomingSource;
}

export function App({
  actions,
  initialLang = 'vi',
  lang: controlledLang,
  onLangChange,
  initialView = 'check',
  defaultYear = new Date().getFullYear(),
  saveFile = downloadFile,
  saveText,
  toolbar,
  incoming,
}: AppProps) {
  const [ownLang, setOwnLang] = useState<Lang>(initialLang);
  const lang = controlledLang ?? ownLang;
  const setLang = (next: Lang) => {
    setOwnLang(next);
    onLangChange?.(next);
  };
  const [view, setView] = useState<ViewId>(initialView);
  const [delivered, setDelivered] = useState<Delivered>();
  useEffect(() => {
    if (!incoming) return;
    let seq = 0;
    const deliver = (item: Incoming) => {
      seq += 1;
      setView(item.view);
      setDelivered({ ...item, seq });
    };
    const first = incoming.take();
    if (first) deliver(first);
    return incoming.subscribe(deliver);
  }, [incoming]);
  // The scoring code arrives while the person reads the pane, not when they press "Tính điểm".
  useEffect(() => whenIdle(() => actions.preload()), [actions]);
  const value = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const { t } = value;
  const styles = useStyles();
  const saveJson: SaveText = saveText ?? ((name, text, mime) => void saveFile(textFile(name, text, mime)));
  const panels: Record<ViewId, ReactNode> = {
    create: <CreateView actions={actions} defaultYear={defaultYear} />,
    check: <CheckView actions={actions} delivered={delivered} />,
    compute: <ComputeView actions={actions} delivered={delivered} />,
    exchange: <ExchangeView actions={actions} saveFile={saveFile} />,
    awards: <AwardsView actions={actions} saveText={saveJson} saveFile={saveFile} />,
    rotation: <RotationView actions={actions} />,
    settings: <SettingsView actions={actions} />,
    yearEnd: <YearEndView actions={actions} saveFile={saveFile} />,
  };
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LangContext.Provider value={value}>
        <div className={styles.root}>
          <header className={styles.header}>
            <Text as="h1" size={500} weight="semibold">
              {t('app.title')}
            </Text>
            <LanguageSwitch lang={lang} onChange={setLang} />
          </header>
          {toolbar}
          <nav aria-label={t('app.views')}>
            <TabList
              className={styles.tabs}
              selectedValue={view}
              onTabSelect={(_, d) => setView(d.value as ViewId)}
              size="small"
            >
              {VIEW_IDS.map((id) => (
                <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                  {t(`tab.${id}`)}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main className={styles.main}>
            {VIEW_IDS.map((id) => (
              // Inactive panels stay mounted (hidden) so a report survives switching tabs.
              <div
                key={id}
                role="tabpanel"
                id={`panel-${id}`}
                aria-labelledby={`tab-${id}`}
                hidden={id !== view}
              >
                {panels[id]}
              </div>
            ))}
          </main>
        </div>
      </LangContext.Provider>
    </FluentProvider>
  );
}
