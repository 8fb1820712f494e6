/**
 * Compute: the ranking table (rank, unit, total, %, rating, targets met), the tie-break rule in words,
 * the cluster's indicator ratios, and a "why this score" dialog per unit.
 */
import {
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
import { useRef, useState } from 'react';
import type { AppActions, ComputeReport } from '../../app/actions';
import { ExplainDialog } from '../components/ExplainDialog';
import { IssueList } from '../components/IssueList';
import { WriteNotes } from '../components/WriteNotes';
import { OperationStatus } from '../components/OperationStatus';
import { useLang } from '../lang';
import { type Delivered, useDelivered } from '../incoming';
import { useOperation } from '../use-operation';
import { indicatorsExceededText, indicatorsMetText, rankingRows, tieBreakText } from '../view-model';
import { useViewStyles } from './layout';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '100%' },
  scroll: { overflowX: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHead: { textAlign: 'right', justifyContent: 'flex-end' },
  rank: { textAlign: 'center', fontWeight: tokens.fontWeightSemibold },
  rankCol: { width: '44px' },
  unitCell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  unitButton: {
    padding: 0,
    minWidth: 0,
    height: 'auto',
    textAlign: 'left',
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
  },
  tier: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

export function ComputeView({ actions, delivered }: { actions: AppActions; delivered?: Delivered }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const operation = useOperation<ComputeReport>();
  useDelivered('compute', delivered, operation);
  const { state } = operation;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('compute.heading')}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={operation.running}
          onClick={() => void operation.run(actions.compute)}
        >
          {t('compute.run')}
        </Button>
      </div>
      <OperationStatus operation={operation} actions={actions} />
      {state.status === 'done' && <ComputeResult report={state.value} actions={actions} />}
    </div>
  );
}

export function ComputeResult({ report, actions }: { report: ComputeReport; actions: AppActions }) {
  const { lang, t } = useLang();
  const styles = useViewStyles();
  const own = useStyles();
  const [explained, setExplained] = useState<string | null>(null);
  // Where focus goes back when the explanation closes: the "why" button that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const open = (unit: string, button: HTMLElement) => {
    opener.current = button;
    setExplained(unit);
  };
  const close = () => {
    setExplained(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const { result } = report;
  const rows = rankingRows(result, lang);
  const explanation = report.explanations.find((e) => e.unit === explained);
  return (
    <div className={styles.section}>
      <Text className={styles.muted}>
        {t(`compute.stage.${result.stage}`)}. {t('compute.whyHint')}
      </Text>
      {/* Wide tables scroll sideways in a narrow pane: a focusable region, so the keyboard can scroll it. */}
      <section
        className={own.scroll}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
        aria-label={t('compute.caption', { cluster: result.cluster, year: result.year })}
      >
        <Table
          className={own.table}
          size="small"
          aria-label={t('compute.caption', { cluster: result.cluster, year: result.year })}
        >
          <caption className={own.caption}>
            {t('compute.caption', { cluster: result.cluster, year: result.year })}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col" className={own.rankCol}>
                {t('compute.col.rank')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">
                {t('compute.col.unit')} / {t('compute.col.tier')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={own.numberHead}>
                {t('compute.col.total')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={own.numberHead}>
                {t('compute.col.percent')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={own.numberHead}>
                {t('compute.col.indicators')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.unit} data-unit={r.unit}>
                <TableCell className={own.rank}>{r.shared ? `${r.rank}=` : r.rank}</TableCell>
                <TableCell>
                  <span className={own.unitCell}>
                    {/* The unit's name opens its "why this score": the row's one action, a real button. */}
                    <Button
                      appearance="transparent"
                      size="small"
                      className={own.unitButton}
                      aria-label={t('compute.whyLabel', { unit: r.unit, total: r.total })}
                      title={t('compute.why')}
                      onClick={(event) => open(r.unit, event.currentTarget)}
                    >
                      {r.unit}
                    </Button>
                    <span className={own.tier}>{r.tier}</span>
                  </span>
                </TableCell>
                <TableCell className={own.number}>{r.total}</TableCell>
                <TableCell className={own.number}>{r.percent}</TableCell>
                <TableCell className={own.number}>{r.indicators}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <Text>
        {t('compute.cluster', {
          met: indicatorsMetText(result.clusterIndicators, lang),
          exceeded: indicatorsExceededText(result.clusterIndicators, lang),
        })}
      </Text>
      <Text className={styles.muted}>{tieBreakText(report.tieBreak, t)}</Text>
      <MessageBar intent="success">
        <MessageBarBody>{t('compute.written', { cells: report.write.cellsWritten })}</MessageBarBody>
      </MessageBar>
      {report.write.refused.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('create.refused', { count: report.write.refused.length })}</MessageBarBody>
        </MessageBar>
      )}
      <WriteNotes write={report.write} />
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
      {explanation && (
        <ExplainDialog
          explanation={explanation}
          details={report.criterionDetails[explanation.unit] ?? []}
          onClose={close}
        />
      )}
    </div>
  );
}
