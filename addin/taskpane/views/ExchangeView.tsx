/**
 * Send out and merge: each member's scorecard made from the open cluster workbook (as `thidua new --per-unit`),
 * and the files members return merged into it (as `thidua merge`). Files come in through a file input and go
 * out through the host's SaveFile; the view never touches Excel.
 */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AppActions, MergeReport, SendOutReport } from '../../app/actions';
import type { FileIn } from '../../app/files';
import { FileList } from '../components/FileList';
import { IssueList } from '../components/IssueList';
import { OperationStatus } from '../components/OperationStatus';
import { WriteNotes } from '../components/WriteNotes';
import { useLang } from '../lang';
import type { SaveFile } from '../save-file';
import { useOperation } from '../use-operation';
import { useViewStyles } from './layout';

async function readFiles(list: FileList | null): Promise<FileIn[]> {
  const out: FileIn[] = [];
  for (const file of Array.from(list ?? []))
    out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return out;
}

export function ExchangeView({ actions, saveFile }: { actions: AppActions; saveFile: SaveFile }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const sending = useOperation<SendOutReport>();
  const merging = useOperation<MergeReport>();
  const [picked, setPicked] = useState<FileIn[]>([]);
  const inputId = useId();
  const busy = sending.running || merging.running;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('exchange.heading')}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void sending.run(actions.sendOut)}>
          {t('exchange.send')}
        </Button>
      </div>
      <OperationStatus operation={sending} actions={actions} />
      {sending.state.status === 'done' && (
        <section className={styles.section} aria-label={t('exchange.send')}>
          <MessageBar intent="success">
            <MessageBarBody>{t('exchange.sent', { count: sending.state.value.files.length })}</MessageBarBody>
          </MessageBar>
          <FileList files={sending.state.value.files} saveFile={saveFile} />
        </section>
      )}
      <section className={styles.section} aria-labelledby={`${inputId}-h`}>
        <Text as="h3" weight="semibold" id={`${inputId}-h`}>
          {t('exchange.mergeHeading')}
        </Text>
        <label htmlFor={inputId}>
          <Text>{t('exchange.pick')}</Text>
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="merge-files"
          onChange={(e) => void readFiles(e.currentTarget.files).then(setPicked)}
        />
        {picked.length > 0 && (
          <Text className={styles.muted}>
            {t('exchange.picked', { count: picked.length, names: picked.map((f) => f.name).join(', ') })}
          </Text>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || picked.length === 0}
            onClick={() => void merging.run((run) => actions.mergeReturns(picked, run))}
          >
            {t('exchange.merge')}
          </Button>
        </div>
        <OperationStatus operation={merging} actions={actions} />
        {merging.state.status === 'done' && <MergeResult report={merging.state.value} actions={actions} />}
      </section>
    </div>
  );
}

export function MergeResult({ report, actions }: { report: MergeReport; actions: AppActions }) {
  const { t } = useLang();
  const styles = useViewStyles();
  return (
    <div className={styles.section} data-testid="merge-result">
      <MessageBar intent={report.missing.length || report.conflicts.length ? 'warning' : 'success'}>
        <MessageBarBody>
          {report.intoOpenWorkbook
            ? t('exchange.written', { cells: report.write.cellsWritten })
            : t('exchange.created', { sheets: report.write.sheetsCreated.length })}
        </MessageBarBody>
      </MessageBar>
      <ul>
        <li>
          {t('exchange.received', {
            count: report.received.length,
            units: report.received.map((r) => r.unit).join(', ') || '—',
          })}
        </li>
        {report.missing.length > 0 && (
          <li>{t('exchange.missing', { count: report.missing.length, units: report.missing.join(', ') })}</li>
        )}
        {report.duplicates.length > 0 && (
          <li>
            {t('exchange.duplicates', {
              list: report.duplicates.map((d) => `${d.unit} (${d.files.join(', ')})`).join('; '),
            })}
          </li>
        )}
        {report.conflicts.length > 0 && (
          <li>{t('exchange.conflicts', { count: report.conflicts.length })}</li>
        )}
        {report.skipped.map((s) => (
          <li key={s.file}>{t('exchange.skipped', { file: s.file, reason: s.reason })}</li>
        ))}
      </ul>
      <WriteNotes write={report.write} />
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
    </div>
  );
}
