/**
 * The year's end (issues 13 and 14): the dossier the council signs (as `thidua dossier`: Word files offered
 * through the host's SaveFile, the ballots and count sheet written into the workbook) and next year's cluster
 * workbook (as `thidua next`: a new file, with what was carried and what stays behind). The view never
 * touches Excel: it calls the actions it is given.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AppActions, DossierReport, NextYearReport } from '../../app/actions';
import type { DossierOptions } from '../../app/dossier';
import { FileList } from '../components/FileList';
import { IssueList } from '../components/IssueList';
import { OperationStatus } from '../components/OperationStatus';
import { WriteNotes } from '../components/WriteNotes';
import { useLang } from '../lang';
import type { SaveFile } from '../save-file';
import { useOperation } from '../use-operation';
import { useViewStyles } from './layout';

export function YearEndView({ actions, saveFile }: { actions: AppActions; saveFile: SaveFile }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const dossier = useOperation<DossierReport>();
  const next = useOperation<NextYearReport>();
  const [options, setOptions] = useState<DossierOptions>({});
  const [year, setYear] = useState('');
  const dossierId = useId();
  const nextId = useId();
  const busy = dossier.running || next.running;
  const yearText = year.trim();
  const badYear = yearText !== '' && !/^\d{4}$/.test(yearText);
  const field = (key: keyof DossierOptions, label: string) => (
    <Field label={label}>
      <Input
        value={options[key] ?? ''}
        onChange={(_, d) => setOptions((o) => ({ ...o, [key]: d.value }))}
        data-testid={`dossier-${key}`}
      />
    </Field>
  );
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('yearEnd.heading')}
      </Text>
      <section className={styles.section} aria-labelledby={`${dossierId}-h`}>
        <Text as="h3" weight="semibold" id={`${dossierId}-h`}>
          {t('yearEnd.dossierHeading')}
        </Text>
        <Text className={styles.muted}>{t('yearEnd.dossierHint')}</Text>
        {field('date', t('sheets.date'))}
        {field('place', t('sheets.place'))}
        {field('symbol', t('sheets.symbol'))}
        {field('signer', t('sheets.signer'))}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void dossier.run((run) => actions.dossier(options, run))}
          >
            {t('yearEnd.dossierRun')}
          </Button>
        </div>
        <OperationStatus operation={dossier} actions={actions} />
        {dossier.state.status === 'done' && (
          <DossierResult report={dossier.state.value} actions={actions} saveFile={saveFile} />
        )}
      </section>
      <section className={styles.section} aria-labelledby={`${nextId}-h`}>
        <Text as="h3" weight="semibold" id={`${nextId}-h`}>
          {t('yearEnd.nextHeading')}
        </Text>
        <Text className={styles.muted}>{t('yearEnd.nextHint')}</Text>
        <Field
          label={t('yearEnd.year')}
          validationState={badYear ? 'error' : 'none'}
          {...(badYear ? { validationMessage: t('yearEnd.badYear', { year: yearText }) } : {})}
        >
          <Input
            value={year}
            inputMode="numeric"
            onChange={(_, d) => setYear(d.value)}
            data-testid="next-year"
          />
        </Field>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || badYear}
            onClick={() =>
              void next.run((run) => actions.nextYear(yearText === '' ? {} : { year: Number(yearText) }, run))
            }
          >
            {t('yearEnd.nextRun')}
          </Button>
        </div>
        <OperationStatus operation={next} actions={actions} />
        {next.state.status === 'done' && (
          <NextYearResult report={next.state.value} actions={actions} saveFile={saveFile} />
        )}
      </section>
    </div>
  );
}

export function DossierResult({
  report,
  actions,
  saveFile,
}: {
  report: DossierReport;
  actions: AppActions;
  saveFile: SaveFile;
}) {
  const { lang, t } = useLang();
  const styles = useViewStyles();
  const quoted = (names: readonly string[]) => names.map((s) => `"${s}"`).join(', ');
  return (
    <div className={styles.section} data-testid="dossier-result">
      <MessageBar intent={report.counts.error ? 'warning' : 'success'}>
        <MessageBarBody>
          {t('yearEnd.dossierDone', { count: report.files.length, fingerprint: report.fingerprint })}
        </MessageBarBody>
      </MessageBar>
      <ul>
        {report.sheets.length > 0 && <li>{t('yearEnd.sheetsWritten', { sheets: quoted(report.sheets) })}</li>}
        {report.kept.length > 0 && <li>{t('yearEnd.sheetsKept', { sheets: quoted(report.kept) })}</li>}
        {report.counted !== undefined && <li>{t('yearEnd.counted', { count: report.counted })}</li>}
        {report.finalised && (
          <li>{t('yearEnd.finalised', { at: report.finalised.at, by: report.finalised.by })}</li>
        )}
        {report.notes.map((n) => (
          <li key={n.vi}>{n[lang]}</li>
        ))}
      </ul>
      <WriteNotes write={report.write} />
      <FileList files={report.files} saveFile={saveFile} />
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
    </div>
  );
}

export function NextYearResult({
  report,
  actions,
  saveFile,
}: {
  report: NextYearReport;
  actions: AppActions;
  saveFile: SaveFile;
}) {
  const { lang, t } = useLang();
  const styles = useViewStyles();
  const none = t('rotation.none');
  return (
    <div className={styles.section} data-testid="next-year-result">
      <MessageBar intent={report.questions.length ? 'warning' : 'success'}>
        <MessageBarBody>
          {t('yearEnd.nextDone', {
            year: report.year,
            cluster: report.document.cluster,
            from: report.fromYear,
          })}
        </MessageBarBody>
      </MessageBar>
      <FileList files={[report.file]} saveFile={saveFile} />
      <Text weight="semibold">{t('yearEnd.members')}</Text>
      <ul>
        {report.members.map((m) => (
          <li key={`${m.from}|${m.to}`}>
            {m.changed && m.since
              ? t('yearEnd.memberChanged', { from: m.from, to: m.to, since: m.since })
              : m.to}
          </li>
        ))}
      </ul>
      <Text>{t('yearEnd.leadership', { leader: report.leader ?? none, deputy: report.deputy ?? none })}</Text>
      <Text className={styles.muted}>{report.leadershipReason[lang]}</Text>
      {report.questions.length > 0 && (
        <section className={styles.section} aria-label={t('yearEnd.questions')}>
          <Text weight="semibold">{t('yearEnd.questions')}</Text>
          <IssueList issues={report.questions} actions={actions} />
        </section>
      )}
      <Text weight="semibold">{t('yearEnd.notCarried')}</Text>
      <ul data-testid="not-carried">
        {report.notCarried.map((c) => (
          <li key={c.vi}>{c[lang]}</li>
        ))}
      </ul>
      <Text weight="semibold">{t('yearEnd.carried')}</Text>
      <ul>
        {report.carried.map((c) => (
          <li key={c.vi}>{c[lang]}</li>
        ))}
      </ul>
    </div>
  );
}
