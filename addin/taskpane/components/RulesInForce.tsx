/**
 * The rule set applied, as `thidua rules` prints it: every value with its standing, the text's words and
 * where they were read; the award forms; what changed from the previous set. Data in by props only.
 */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleSetDescription } from '../../app/ports';
import { useLang } from '../lang';

const useStyles = makeStyles({
  root: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  list: { margin: `${tokens.spacingVerticalXXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  quote: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  key: { fontFamily: tokens.fontFamilyMonospace, marginRight: tokens.spacingHorizontalXS },
});

const show = (v: unknown): string =>
  Array.isArray(v) ? v.join(', ') : v === null ? '—' : v === undefined ? '∅' : String(v);

const day = (iso: string, lang: 'vi' | 'en') => (lang === 'en' ? iso : iso.split('-').reverse().join('/'));

export function RulesInForce({ rules }: { rules: RuleSetDescription }) {
  const { lang, t } = useLang();
  const own = useStyles();
  return (
    <details className={own.root} data-rules={rules.id}>
      <summary className={own.summary}>
        {t('rules.heading', { ruleSet: `${rules.id} — ${rules.title}` })}
      </summary>
      <Text as="p" className={own.muted}>
        {rules.validTo
          ? t('rules.period', { from: day(rules.validFrom, lang), to: day(rules.validTo, lang) })
          : t('rules.periodOpen', { from: day(rules.validFrom, lang) })}
      </Text>
      <ul className={own.list}>
        {rules.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {rules.rules.map((rule) => (
        <section key={rule.id} aria-label={rule.award ?? t('rules.general')}>
          <Text as="h4" weight="semibold">
            {rule.award ?? t('rules.general')}
          </Text>
          <Text as="p" size={200} className={own.muted}>
            {t('rules.basis', { basis: rule.basis })}
          </Text>
          <ul className={own.list}>
            {rule.values.map((v) => (
              <li key={v.key} data-standing={v.standing}>
                <span className={own.key}>{v.key}</span>= {show(v.value)}{' '}
                <Badge appearance="outline" size="small">
                  {t(`rules.standing.${v.standing}`)}
                </Badge>
                {v.quote && <div className={own.quote}>“{v.quote}”</div>}
                {(v.source || v.foundIn) && (
                  <div className={own.muted}>
                    {[v.source, v.foundIn ? t('rules.foundIn', { where: v.foundIn }) : undefined]
                      .filter(Boolean)
                      .join('; ')}
                  </div>
                )}
                {v.note && <div className={own.muted}>{v.note}</div>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Text as="h4" weight="semibold">
        {t('rules.forms')}
      </Text>
      <ul className={own.list}>
        {rules.forms.map((f) => (
          <li key={f.name}>
            {f.name} — {f.authority} ({t(`rules.standing.${f.authorityStanding}`)});{' '}
            {f.proposed ? t('rules.proposed') : t('rules.recordedOnly')}
          </li>
        ))}
      </ul>
      <Text as="h4" weight="semibold">
        {rules.previous
          ? t('rules.changes', { previous: rules.previous, count: rules.changes.length })
          : t('rules.first')}
      </Text>
      <ul className={own.list}>
        {rules.changes.map((c) => (
          <li key={c.key}>
            <span className={own.key}>{c.key}</span>
            {show(c.before)} → {show(c.after)}
            {c.standingBefore !== c.standingAfter &&
              ` (${c.standingBefore ? t(`rules.standing.${c.standingBefore}`) : '∅'} → ${c.standingAfter ? t(`rules.standing.${c.standingAfter}`) : '∅'})`}
          </li>
        ))}
      </ul>
    </details>
  );
}
