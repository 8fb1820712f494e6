/** Awards: proposals with their legal basis, quota use, who was excluded and why; then export. */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AppActions, ExportReport, NominationReport } from '../../app/actions';
import { IssueList } from '../components/IssueList';
import { OperationStatus } from '../components/OperationStatus';
import { useLang } from '../lang';
import { useOperation } from '../use-operation';
import { useViewStyles } from './layout';

export type SaveText = (fileName: string, text: string, mime: string) => void;

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  basis: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
});

export function AwardsView({ actions, saveText }: { actions: AppActions; saveText: SaveText }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const nominate = useOperation<NominationReport>();
  const exporting = useOperation<ExportReport>();
  const busy = nominate.running || exporting.running;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('awards.heading')}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void nominate.run(actions.nominate)}>
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

export function NominationResult({ report, actions }: { report: NominationReport; actions: AppActions }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const own = useStyles();
  return (
    <div className={styles.section}>
      {report.ruleSet && (
        <Text className={styles.muted}>{t('awards.ruleSet', { ruleSet: report.ruleSet })}</Text>
      )}
      <section className={styles.section} aria-label={t('awards.nominations')}>
        <Text as="h3" weight="semibold">
          {t('awards.nominations')} ({report.nominations.length})
        </Text>
        {report.nominations.length === 0 ? (
          <Text>{t('awards.none')}</Text>
        ) : (
          <ul className={own.list}>
            {report.nominations.map((n) => (
              <li key={`${n.award}|${n.candidate}`} className={own.card} data-award={n.award}>
                <span className={own.head}>
                  <Text weight="semibold">{n.candidate}</Text>
                  <Badge appearance="outline">{t(`awards.kind.${n.kind}`)}</Badge>
                </span>
                <Text>{n.award}</Text>
                <Text size={200}>{t('awards.basis')}:</Text>
                <ul className={own.basis}>
                  {n.basis.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      {report.quotas.length > 0 && (
        <section className={styles.section}>
          <Text as="h3" weight="semibold">
            {t('awards.quotas')}
          </Text>
          <Table size="small" aria-label={t('awards.quotas')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('awards.nominations')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('awards.quotas')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('awards.basis')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.quotas.map((q) => (
                <TableRow key={`${q.award}|${q.scope ?? ''}`}>
                  <TableCell>
                    {q.award}
                    {q.scope ? ` (${q.scope})` : ''}
                  </TableCell>
                  <TableCell className={own.number}>
                    {t('awards.quota', { proposed: q.proposed, limit: q.limit })}
                  </TableCell>
                  <TableCell>{q.basis}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      <section className={styles.section}>
        <Text as="h3" weight="semibold">
          {t('awards.blocked')} ({report.blocked.length})
        </Text>
        {report.blocked.length === 0 ? (
          <Text>{t('awards.noBlocked')}</Text>
        ) : (
          <ul className={own.list}>
            {report.blocked.map((b) => (
              <li key={`${b.award}|${b.candidate}`} className={own.card}>
                <span className={own.head}>
                  <Text weight="semibold">{b.candidate}</Text>
                </span>
                <Text>{b.award}</Text>
                <ul className={own.basis}>
                  {b.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
    </div>
  );
}
