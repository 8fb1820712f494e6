/**
 * The cluster's settings in fields: leader, deputy, the rotation order and the campaign's dates, read from the
 * workbook and written back into their cells (the person's change: written over what the cells hold). On one
 * member's scorecard they are shown read-only, saying so (the action refuses to write them there too).
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AppActions, ClusterSettings, SaveSettingsReport, SettingsReport } from '../../app/actions';
import { IssueList } from '../components/IssueList';
import { OperationStatus } from '../components/OperationStatus';
import { WriteNotes } from '../components/WriteNotes';
import { useLang } from '../lang';
import { useOperation } from '../use-operation';
import { useViewStyles } from './layout';

const useStyles = makeStyles({
  order: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  dates: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** The rotation as shown: the stated order, then members it leaves out (so every member can be placed). */
function fullOrder(settings: ClusterSettings, members: readonly string[]): string[] {
  const order = settings.rotation.filter((u) => members.includes(u));
  return [...order, ...members.filter((m) => !order.includes(m))];
}

/** A choice among the members, or nobody (leader, deputy). */
function MemberSelect(props: {
  label: string;
  none: string;
  members: readonly string[];
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} disabled={props.disabled} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.none}</option>
        {props.members.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Read from one member's scorecard: what the file is, that the settings are only shown, where to change them. */
export function MemberScorecardNote({ report }: { report: SettingsReport }) {
  const { t } = useLang();
  if (report.member === undefined) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t('settings.member', { unit: report.member })}</MessageBarBody>
    </MessageBar>
  );
}

export function SettingsView({ actions }: { actions: AppActions }) {
  const { t } = useLang();
  const styles = useViewStyles();
  const own = useStyles();
  const reading = useOperation<SettingsReport>();
  const saving = useOperation<SaveSettingsReport>();
  const [members, setMembers] = useState<string[]>([]);
  const [leader, setLeader] = useState('');
  const [deputy, setDeputy] = useState('');
  const [order, setOrder] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const loaded = reading.state.status === 'done' ? reading.state.value : undefined;
  useEffect(() => {
    if (!loaded) return;
    const units = loaded.document.units;
    setMembers(units);
    setLeader(loaded.settings.leader ?? '');
    setDeputy(loaded.settings.deputy ?? '');
    setOrder(fullOrder(loaded.settings, units));
    setFrom(loaded.settings.period?.from ?? '');
    setTo(loaded.settings.period?.to ?? '');
  }, [loaded]);
  const move = (i: number, by: -1 | 1) =>
    setOrder((o) => {
      const next = [...o];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });
  const settings = (): ClusterSettings => ({
    ...(leader ? { leader } : {}),
    ...(deputy ? { deputy } : {}),
    rotation: order,
    ...(from || to ? { period: { from, to } } : {}),
  });
  const busy = reading.running || saving.running;
  // One member's scorecard: its copy of the settings, shown read-only.
  const readOnly = loaded?.member !== undefined;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('settings.heading')}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance={loaded ? 'secondary' : 'primary'}
          disabled={busy}
          onClick={() => void reading.run(actions.readSettings)}
        >
          {t('settings.read')}
        </Button>
      </div>
      <OperationStatus operation={reading} actions={actions} />
      {loaded && <MemberScorecardNote report={loaded} />}
      {loaded && (
        <form
          className={styles.section}
          onSubmit={(e) => {
            e.preventDefault();
            void saving.run((run) => actions.saveSettings(settings(), run));
          }}
        >
          <MemberSelect
            label={t('settings.leader')}
            none={t('settings.nobody')}
            members={members}
            value={leader}
            disabled={readOnly}
            onChange={setLeader}
          />
          <MemberSelect
            label={t('settings.deputy')}
            none={t('settings.nobody')}
            members={members}
            value={deputy}
            disabled={readOnly}
            onChange={setDeputy}
          />
          <section aria-labelledby="settings-rotation">
            <Text as="h3" weight="semibold" id="settings-rotation">
              {t('settings.rotation')}
            </Text>
            <ol className={own.order} data-testid="rotation-order">
              {order.map((unit, i) => (
                <li key={unit}>
                  <span className={own.row}>
                    <Text>{unit}</Text>
                    <Button
                      size="small"
                      disabled={readOnly || i === 0}
                      aria-label={t('settings.up', { unit })}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      size="small"
                      disabled={readOnly || i === order.length - 1}
                      aria-label={t('settings.down', { unit })}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </Button>
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <fieldset className={own.dates}>
            <legend>{t('settings.period')}</legend>
            <Field label={t('settings.from')}>
              <Input type="date" value={from} disabled={readOnly} onChange={(_, d) => setFrom(d.value)} />
            </Field>
            <Field label={t('settings.to')}>
              <Input type="date" value={to} disabled={readOnly} onChange={(_, d) => setTo(d.value)} />
            </Field>
          </fieldset>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy || readOnly}>
              {t('settings.save')}
            </Button>
          </div>
        </form>
      )}
      <OperationStatus operation={saving} actions={actions} />
      {saving.state.status === 'done' && (
        <div className={styles.section}>
          <MessageBar intent="success">
            <MessageBarBody>
              {t('settings.saved', { cells: saving.state.value.write.cellsWritten })}
            </MessageBarBody>
          </MessageBar>
          <WriteNotes write={saving.state.value.write} />
          {saving.state.value.issues.length > 0 && (
            <IssueList issues={saving.state.value.issues} actions={actions} />
          )}
        </div>
      )}
    </div>
  );
}
