/** Progress of a long action with its cancel button, and what went wrong when it failed. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useLang } from '../lang';
import type { OperationControl } from '../use-operation';
import { progressText, progressValue } from '../view-model';
import { IssueList } from './IssueList';
import type { AppActions } from '../../app/actions';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function OperationStatus<T>({
  operation,
  actions,
}: {
  operation: OperationControl<T>;
  actions: AppActions;
}) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const { state } = operation;
  return (
    <div aria-live="polite" className={styles.status}>
      {state.status === 'running' && (
        <div className={styles.row}>
          <ProgressBar
            className={styles.bar}
            aria-label={t('progress.label')}
            value={state.progress ? progressValue(state.progress) : undefined}
            thickness="large"
          />
          <Button size="small" onClick={operation.cancel}>
            {t('progress.cancel')}
          </Button>
        </div>
      )}
      {state.status === 'running' && state.progress && <span>{progressText(state.progress, t)}</span>}
      {state.status === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>{t('progress.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'failed' && (
        <>
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{state.text[lang]}</MessageBarBody>
          </MessageBar>
          {state.issues.length > 0 && <IssueList issues={state.issues} actions={actions} />}
        </>
      )}
    </div>
  );
}
