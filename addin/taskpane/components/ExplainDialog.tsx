/** "Why this score": the criteria, inputs, caps applied, the stage used and the issues of one unit. */
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
  tokens,
} from '@fluentui/react-components';
import type { Issue, Stage } from '../../../core';
import type { Explanation } from '../../app/ports';
import { useLang } from '../lang';
import { formatScore, issuePlace, issuesOfUnit } from '../view-model';
import { explanationCaps, explanationCriteria, figuresAt } from './explanation';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(720px, 96vw)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  group: { fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto', maxHeight: '50vh' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ExplainDialog({
  explanation,
  issues,
  stage,
  total,
  onClose,
}: {
  explanation: Explanation;
  issues: readonly Issue[];
  stage: Stage;
  total: string;
  onClose: () => void;
}) {
  const { lang, t } = useLang();
  const styles = useStyles();
  const criteria = explanationCriteria(explanation);
  const caps = explanationCaps(explanation, stage);
  const related = issuesOfUnit(issues, explanation.unit);
  const n = (v: number) => formatScore(v, lang);
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('explain.heading', { unit: explanation.unit })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              {t('explain.stage')}: <strong>{t(`stage.${stage}`)}</strong> — {t('compute.col.total')}:{' '}
              <strong>{total}</strong>
            </Text>
            <section>
              <Text as="h3" weight="semibold">
                {t('explain.criteria')}
              </Text>
              <div className={styles.scroll}>
                <Table size="extra-small" aria-label={t('explain.criteria')}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('explain.col.criterion')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('explain.col.standard')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('explain.col.points')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('explain.col.bonus')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('explain.col.deduction')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('explain.col.score')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('explain.col.stage')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {criteria.map((c) => {
                      const f = figuresAt(c, stage);
                      return (
                        <TableRow key={c.criterion} className={c.leaf ? undefined : styles.group}>
                          <TableCell>
                            {c.criterion} {c.title}
                          </TableCell>
                          <TableCell className={styles.number}>{n(c.standard)}</TableCell>
                          <TableCell className={styles.number}>{n(f.points)}</TableCell>
                          <TableCell className={styles.number}>{n(f.bonus)}</TableCell>
                          <TableCell className={styles.number}>{n(f.deduction)}</TableCell>
                          <TableCell className={styles.number}>{n(f.total)}</TableCell>
                          <TableCell>
                            {f.source === 'self' || f.source === 'verified' ? t(`stage.${f.source}`) : ''}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </div>
            </section>
            <section>
              <Text as="h3" weight="semibold">
                {t('explain.caps')}
              </Text>
              {caps.length === 0 ? (
                <Text as="p">{t('explain.noCaps')}</Text>
              ) : (
                <ul className={styles.list}>
                  {caps.map((c) => (
                    <li key={c.vi}>{c[lang]}</li>
                  ))}
                </ul>
              )}
            </section>
            <section>
              <Text as="h3" weight="semibold">
                {t('explain.issues')}
              </Text>
              {related.length === 0 ? (
                <Text as="p">{t('explain.noIssues')}</Text>
              ) : (
                <ul className={styles.list}>
                  {related.map((i, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their position
                    <li key={index}>
                      {lang === 'en' ? i.messageEn : i.message} ({issuePlace(i, t)})
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
