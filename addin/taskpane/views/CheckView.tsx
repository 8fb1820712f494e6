/** Check: validate the workbook's data; the issue list selects the cells it names. */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { AppActions, CheckReport } from '../../app/actions';
import { IssueList } from '../components/IssueList';
import { OperationStatus } from '../components/OperationStatus';
import { useLang } from '../lang';
import { type Delivered, useDelivered } from '../incoming';
import { useOperation } from '../use-operation';
import { useViewStyles } from './layout';

export function CheckView({ actions, delivered }: { actions: AppActions; delivered?: Delivered }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const operation = useOperation<CheckReport>();
  useDelivered('check', delivered, operation);
  const { state } = operation;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('check.heading')}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={operation.running}
          onClick={() => void operation.run(actions.check)}
        >
          {t('check.run')}
        </Button>
      </div>
      <OperationStatus operation={operation} actions={actions} />
      {state.status === 'done' && <CheckResult report={state.value} actions={actions} />}
    </div>
  );
}

export function CheckResult({ report, actions }: { report: CheckReport; actions: AppActions }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const { counts } = report;
  return (
    <div className={styles.section}>
      {report.document && (
        <Text className={styles.muted}>
          {t('check.document', {
            cluster: report.document.cluster,
            year: report.document.year,
            units: report.document.units.length,
            criteria: report.document.criteria,
          })}
        </Text>
      )}
      <MessageBar intent={counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'success'}>
        <MessageBarBody>
          {report.issues.length === 0
            ? t('check.clean')
            : t('check.summary', { errors: counts.error, warnings: counts.warning, infos: counts.info })}
        </MessageBarBody>
      </MessageBar>
      {report.issues.length > 0 && <IssueList issues={report.issues} actions={actions} />}
    </div>
  );
}
