/** Awards: proposals with their legal basis, quota use, who was excluded and why; then export. */
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  AppActions,
  ExportReport,
  NominationReport,
  NominationSheetsInput,
  NominationSheetsReport,
} from '../../app/actions';
import { FileList } from '../components/FileList';
import { IssueList } from '../components/IssueList';
import { WriteNotes } from '../components/WriteNotes';
import type { SaveFile } from '../save-file';
import { OperationStatus } from '../components/OperationStatus';
import { RulesInForce } from '../components/RulesInForce';
import { useLang } from '../lang';
import { useOperation } from '../use-operation';
import { groupByAward } from '../view-model';
import { useViewStyles } from './layout';

export type SaveText = (fileName: string, text: string, mime: string) => void;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  award: { color: tokens.colorBrandForeground1 },
  quota: { color: tokens.colorNeutralForeground2 },
  item: { padding: `${tokens.spacingVerticalXXS} 0` },
  summary: {
    cursor: 'pointer',
    display: 'list-item',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  name: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  unit: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS },
  basis: {
    margin: `${tokens.spacingVerticalXXS} 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    color: tokens.colorNeutralForeground2,
  },
});

export function AwardsView({
  actions,
  saveText,
  saveFile,
}: {
  actions: AppActions;
  saveText: SaveText;
  saveFile: SaveFile;
}) {
  const { lang, t } = useLang();
  const styles = useViewStyles();
  const nominate = useOperation<NominationReport>();
  const exporting = useOperation<ExportReport>();
  const sheets = useOperation<NominationSheetsReport>();
  const busy = nominate.running || exporting.running || sheets.running;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('awards.heading')}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void nominate.run((run) => actions.nominate({ ...run, lang }))}
        >
          {t('awards.run')}
        </Button>
        <Button disabled={busy} onClick={() => void exporting.run(actions.exportResults)}>
          {t('awards.export')}
        </Button>
      </div>
      <OperationStatus operation={nominate} actions={actions} />
      <OperationStatus operation={exporting} actions={actions} />
      {exporting.state.status === 'done' && (
        <ExportResult report={exporting.state.value} saveText={saveText} />
      )}
      {nominate.state.status === 'done' && (
        <NominationResult report={nominate.state.value} actions={actions} />
      )}
      <NominationSheets
        busy={busy}
        onRun={(input) => void sheets.run((run) => actions.nominationSheets(input, run))}
      />
      <OperationStatus operation={sheets} actions={actions} />
      {sheets.state.status === 'done' && (
        <NominationSheetsResult report={sheets.state.value} actions={actions} saveFile={saveFile} />
      )}
    </div>
  );
}

/** The printed list's header and signature, then one button: the official sheets into the workbook. */
function NominationSheets({ busy, onRun }: { busy: boolean; onRun: (input: NominationSheetsInput) => void }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const [input, setInput] = useState<NominationSheetsInput>({});
  const field = (key: keyof NominationSheetsInput, label: string) => (
    <Field label={label}>
      <Input value={input[key] ?? ''} onChange={(_, d) => setInput((i) => ({ ...i, [key]: d.value }))} />
    </Field>
  );
  return (
    <section className={styles.section} aria-labelledby="awards-sheets">
      <Text as="h3" weight="semibold" id="awards-sheets">
        {t('sheets.heading')}
      </Text>
      {field('date', t('sheets.date'))}
      {field('place', t('sheets.place'))}
      {field('symbol', t('sheets.symbol'))}
      {field('signer', t('sheets.signer'))}
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => onRun(input)}>
          {t('sheets.run')}
        </Button>
      </div>
    </section>
  );
}

export function NominationSheetsResult({
  report,
  actions,
  saveFile,
}: {
  report: NominationSheetsReport;
  actions: AppActions;
  saveFile: SaveFile;
}) {
  const { t } = useLang();
  const styles = useViewStyles();
  return (
    <div className={styles.section} data-testid="sheets-result">
      <MessageBar intent="success">
        <MessageBarBody>
          {t('sheets.done', {
            sheets: report.sheets.map((s) => `"${s}"`).join(', '),
            count: report.nominations,
          })}
        </MessageBarBody>
      </MessageBar>
      <WriteNotes write={report.write} />
      {report.file && <FileList files={[report.file]} saveFile={saveFile} />}
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
    </div>
  );
}

export function ExportResult({ report, saveText }: { report: ExportReport; saveText: SaveText }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const base = `thidua-${report.result.year}`;
  return (
    <div className={styles.section}>
      <MessageBar intent="success">
        <MessageBarBody>{t('awards.exported', { cells: report.write.cellsWritten })}</MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button onClick={() => saveText(`${base}-ket-qua.json`, report.resultJson, 'application/json')}>
          {t('awards.saveResult')}
        </Button>
        <Button onClick={() => saveText(`${base}-du-lieu.json`, report.documentJson, 'application/json')}>
          {t('awards.saveDocument')}
        </Button>
      </div>
    </div>
  );
}

/** One candidate: name and kind always shown; the legal basis (or reasons) one click away. */
function Candidate({
  name,
  unit,
  kind,
  label,
  lines,
}: {
  name: string;
  unit?: string;
  kind: string;
  label: string;
  lines: string[];
}) {
  const own = useStyles();
  return (
    <li className={own.item}>
      <details>
        <summary className={own.summary}>
          <span className={own.name}>{name}</span>
          {unit && unit !== name && <span className={own.unit}>{unit}</span>}
          <Badge appearance="outline" size="small">
            {kind}
          </Badge>
        </summary>
        <ul className={own.basis} aria-label={label}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function NominationResult({ report, actions }: { report: NominationReport; actions: AppActions }) {
  const { lang, t } = useLang();
  const styles = useViewStyles();
  const own = useStyles();
  const proposed = groupByAward(report.nominations);
  // A cap with nothing proposed under it still says so (0/2 places).
  for (const q of report.quotas)
    if (!proposed.some(([award]) => award === q.award)) proposed.push([q.award, []]);
  const blocked = groupByAward(report.blocked);
  const quotaText = (award: string) =>
    report.quotas
      .filter((q) => q.award === award)
      .map(
        (q) =>
          `${q.scope ? `${q.scope}: ` : ''}${t('awards.quota', { proposed: q.proposed, limit: q.limit })} (${q.basis})`,
      );
  return (
    <div className={styles.section}>
      {report.ruleSet && (
        <Text className={styles.muted}>
          {t('awards.ruleSet', { ruleSet: report.ruleSetTitle ?? report.ruleSet })}
        </Text>
      )}
      {report.referenceDate && (
        <Text className={styles.muted}>
          {t('awards.referenceDate', {
            date: lang === 'en' ? report.referenceDate : report.referenceDate.split('-').reverse().join('/'),
          })}
        </Text>
      )}
      <Text className={styles.muted}>{t('awards.expandHint')}</Text>
      <section className={styles.section} aria-labelledby="awards-proposed">
        <Text as="h3" weight="semibold" id="awards-proposed">
          {t('awards.nominations')} ({report.nominations.length})
        </Text>
        {proposed.length === 0 && <Text>{t('awards.none')}</Text>}
        {proposed.map(([award, items]) => (
          <section key={award} className={own.group} data-award={award}>
            <Text as="h4" weight="semibold" className={own.award}>
              {award} ({items.length})
            </Text>
            {quotaText(award).map((q) => (
              <Text key={q} size={200} className={own.quota}>
                {t('awards.quotas')}: {q}
              </Text>
            ))}
            <ul className={own.list}>
              {items.map((n) => (
                <Candidate
                  key={`${n.candidate}|${n.unit ?? ''}`}
                  name={n.candidate}
                  unit={n.unit}
                  kind={t(`awards.kind.${n.kind}`)}
                  label={t('awards.basis')}
                  lines={n.basis}
                />
              ))}
            </ul>
          </section>
        ))}
      </section>
      <section className={styles.section} aria-labelledby="awards-blocked">
        <Text as="h3" weight="semibold" id="awards-blocked">
          {t('awards.blocked')} ({report.blocked.length})
        </Text>
        {blocked.length === 0 && <Text>{t('awards.noBlocked')}</Text>}
        {blocked.map(([award, items]) => (
          <section key={award} className={own.group}>
            <Text as="h4" weight="semibold" className={own.award}>
              {award} ({items.length})
            </Text>
            <ul className={own.list}>
              {items.map((b) => (
                <Candidate
                  key={`${b.candidate}|${b.unit ?? ''}`}
                  name={b.candidate}
                  unit={b.unit}
                  kind={t(`awards.kind.${b.kind}`)}
                  label={t('awards.reasons')}
                  lines={b.reasons}
                />
              ))}
            </ul>
          </section>
        ))}
      </section>
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
      {report.rules && <RulesInForce rules={report.rules} />}
    </div>
  );
}
