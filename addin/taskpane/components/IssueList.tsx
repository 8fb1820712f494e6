/**
 * Issues as a list, errors first. An issue that names a cell is a button: it selects that cell in the
 * workbook (through actions.selectIssue, never through Excel directly).
 */
import { Badge, Button, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Issue, Severity } from '../../../core';
import type { AppActions } from '../../app/actions';
import { useLang } from '../lang';
import { type IssueFilter, filterIssues, issuePlace, sortIssues } from '../view-model';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  button: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    height: 'auto',
    padding: 0,
    flexGrow: 1,
  },
  text: { display: 'flex', flexDirection: 'column', flexGrow: 1 },
  place: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  filter: { display: 'flex', flexWrap: 'wrap' },
});

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export function IssueList({ issues, actions }: { issues: readonly Issue[]; actions: AppActions }) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const [filter, setFilter] = useState<IssueFilter>('all');
  const [selected, setSelected] = useState<string>('');
  const headingId = useId();
  const shown = useMemo(() => sortIssues(filterIssues(issues, filter)), [issues, filter]);
  const severities: Severity[] = ['error', 'warning', 'info'];

  async function select(issue: Issue) {
    const outcome = await actions.selectIssue(issue);
    setSelected(
      outcome.selected ? t('issues.selected', { place: issuePlace(issue, t) }) : t('issues.noCell'),
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <Text as="h3" weight="semibold" id={headingId}>
        {t('issues.heading')}
      </Text>
      <RadioGroup
        layout="horizontal"
        className={styles.filter}
        aria-label={t('issues.filter')}
        value={filter}
        onChange={(_, data) => setFilter(data.value as IssueFilter)}
      >
        <Radio value="all" label={`${t('issues.all')} (${issues.length})`} />
        {severities.map((s) => (
          <Radio
            key={s}
            value={s}
            label={`${t(`severity.${s}`)} (${issues.filter((i) => i.severity === s).length})`}
          />
        ))}
      </RadioGroup>
      <ul className={styles.list}>
        {shown.map((issue, index) => {
          const place = issuePlace(issue, t);
          const body = (
            <span className={styles.text}>
              <span>{lang === 'en' ? issue.messageEn : issue.message}</span>
              {place && <span className={styles.place}>{place}</span>}
            </span>
          );
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their position
            <li key={index} className={styles.item} data-severity={issue.severity} data-code={issue.code}>
              <Badge appearance="tint" color={BADGE[issue.severity]} shape="rounded">
                {t(`severity.${issue.severity}`)}
              </Badge>
              {issue.sheet && issue.cell ? (
                <Button
                  appearance="transparent"
                  className={styles.button}
                  title={t('issues.select', { place })}
                  onClick={() => void select(issue)}
                >
                  {body}
                </Button>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ul>
      <div aria-live="polite" className={styles.place}>
        {selected}
      </div>
    </section>
  );
}
