/**
 * "Why this score" for one unit: rank, tier and the stage used; the core's reasoning in words (totals at
 * both stages, the neighbours and the tie-break key that separated them, indicators, caps); every criterion's
 * score at both stages; details of the criteria where a bound, cap, occurrence rule or verification changed
 * something; and the issues about the unit.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { CriterionScoreExplanation, UnitExplanation } from '../../../core';
import { useLang } from '../lang';
import { formatScore, issuePlace } from '../view-model';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(760px, 96vw)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  used: { backgroundColor: tokens.colorBrandBackground2 },
  group: { fontWeight: tokens.fontWeightSemibold },
  changed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  detail: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
});

export function ExplainDialog({
  explanation,
  details,
  onClose,
}: {
  explanation: UnitExplanation;
  details: readonly CriterionScoreExplanation[];
  onClose: () => void;
}) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const n = (v: number) => formatScore(v, lang);
  const e = explanation;
  const used = e.stage;
  const total = used === 'verified' ? e.verified.total : e.self.total;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('explain.heading', { unit: e.unit })}</DialogTitle>
          {/* The content scrolls: focusable so the keyboard can scroll it (axe scrollable-region-focusable). */}
          <DialogContent
            className={styles.content}
            tabIndex={0}
            aria-label={t('explain.heading', { unit: e.unit })}
          >
            <Text>
              {t('explain.summary', {
                rank: e.rank,
                total: n(total),
                standard: n(e.standardTotal),
                tier: e.tier,
                stage: t(`stage.${used}`),
              })}
            </Text>
            <section>
              <Text as="h3" weight="semibold">
                {t('explain.reasoning')}
              </Text>
              <ul className={styles.list}>
                {e.lines.map((line) => (
                  <li key={line.vi}>{line[lang]}</li>
                ))}
              </ul>
            </section>
            <section>
              <Text as="h3" weight="semibold">
                {t('explain.criteria')}
              </Text>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
              <section className={styles.scroll} tabIndex={0} aria-label={t('explain.criteria')}>
                <Table size="extra-small" aria-label={t('explain.criteria')}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('explain.col.criterion')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('explain.col.standard')}</TableHeaderCell>
                      <TableHeaderCell scope="col" className={used === 'self' ? styles.used : undefined}>
                        {t('stage.self')}
                      </TableHeaderCell>
                      <TableHeaderCell scope="col" className={used === 'verified' ? styles.used : undefined}>
                        {t('stage.verified')}
                      </TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {e.criteria.map((c) => (
                      <TableRow key={c.criterion} className={c.leaf ? undefined : styles.group}>
                        <TableCell style={{ paddingLeft: `${4 + c.depth * 12}px` }}>
                          {c.criterion} {c.title}
                        </TableCell>
                        <TableCell className={styles.number}>{n(c.standard)}</TableCell>
                        <TableCell className={mergeClasses(styles.number, used === 'self' && styles.used)}>
                          {n(c.self)}
                        </TableCell>
                        <TableCell
                          className={mergeClasses(
                            styles.number,
                            used === 'verified' && styles.used,
                            c.leaf && c.verified !== c.self && styles.changed,
                          )}
                        >
                          {n(c.verified)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </section>
            </section>
            <section>
              <Text as="h3" weight="semibold">
                {t('explain.caps')}
              </Text>
              {e.caps.length === 0 ? (
                <Text as="p">{t('explain.noCaps')}</Text>
              ) : (
                <ul className={styles.list}>
                  {e.caps.map((c) => (
                    <li key={`${c.stage}|${c.criterion}|${c.kind}`}>
                      {c.text[lang]} ({t(`stage.${c.stage}`)})
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {details.length > 0 && (
              <section>
                <Text as="h3" weight="semibold">
                  {t('explain.details')}
                </Text>
                {details.map((d) => (
                  <div key={d.criterion} className={styles.detail}>
                    <Text weight="semibold">
                      {d.criterion} {d.title}
                    </Text>
                    <ul className={styles.list}>
                      {d.lines.map((line) => (
                        <li key={line.vi}>{line[lang]}</li>
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            )}
            <section>
              <Text as="h3" weight="semibold">
                {t('explain.issues')}
              </Text>
              {e.issues.length === 0 ? (
                <Text as="p">{t('explain.noIssues')}</Text>
              ) : (
                <ul className={styles.list}>
                  {e.issues.map((i, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their position
                    <li key={index}>
                      {lang === 'en' ? i.messageEn : i.message}
                      {issuePlace(i, t) && ` (${issuePlace(i, t)})`}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('explain.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
