/** Next year's leader and deputy, with the reason. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AppActions, RotationReport } from '../../app/actions';
import { IssueList } from '../components/IssueList';
import { OperationStatus } from '../components/OperationStatus';
import { useLang } from '../lang';
import { useOperation } from '../use-operation';
import { useViewStyles } from './layout';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

export function RotationView({ actions }: { actions: AppActions }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const operation = useOperation<RotationReport>();
  const { state } = operation;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('rotation.heading')}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={operation.running}
          onClick={() => void operation.run(actions.rotate)}
        >
          {t('rotation.run')}
        </Button>
      </div>
      <OperationStatus operation={operation} actions={actions} />
      {state.status === 'done' && <RotationResult report={state.value} actions={actions} />}
    </div>
  );
}

export function RotationResult({ report, actions }: { report: RotationReport; actions: AppActions }) {
  const { lang, t } = useLang();
  const styles = useViewStyles();
  const own = useStyles();
  return (
    <div className={styles.section}>
      <Text as="h3" weight="semibold">
        {t('rotation.year', { year: report.year })}
      </Text>
      <dl className={own.grid}>
        <dt className={own.term}>{t('rotation.leader')}</dt>
        <dd className={own.value}>{report.leader ?? t('rotation.none')}</dd>
        <dt className={own.term}>{t('rotation.deputy')}</dt>
        <dd className={own.value}>{report.deputy ?? t('rotation.none')}</dd>
        <dt className={own.term}>{t('rotation.reason')}</dt>
        <dd className={own.value}>{report.reason[lang]}</dd>
        <dt className={own.term}>{t('rotation.guidance')}</dt>
        <dd className={own.value}>
          {report.guidance.document}
          {report.guidance.elected ? ` — ${t('rotation.elected')}` : ''}
        </dd>
      </dl>
      {report.skipped.length > 0 && (
        <section className={styles.section}>
          <Text as="h3" weight="semibold">
            {t('rotation.skipped')}
          </Text>
          <ul>
            {report.skipped.map((s) => (
              <li key={s.unit}>
                {s.unit}: {s.reason[lang]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
    </div>
  );
}
