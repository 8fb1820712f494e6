/**
 * Create a workbook from a template: kind, year, cluster name and members. Members are chosen through the
 * registry's search, which suggests official names and says when a unit was merged into another.
 */
import {
  Button,
  Combobox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { DocumentKind } from '../../../core';
import type { AppActions, CreateReport, UnitSuggestion } from '../../app/actions';
import { OperationStatus } from '../components/OperationStatus';
import { WriteNotes } from '../components/WriteNotes';
import { useLang } from '../lang';
import { useOperation } from '../use-operation';
import { confidenceText } from '../view-model';
import { useViewStyles } from './layout';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  option: { display: 'flex', flexDirection: 'column' },
  note: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  chosen: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  member: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'space-between',
  },
});

/** Wait this long after the last key before asking the registry. */
const SEARCH_DELAY_MS = 150;

export function CreateView({ actions, defaultYear }: { actions: AppActions; defaultYear: number }) {
  const { lang, t } = useLang();
  const styles = useViewStyles();
  const own = useStyles();
  const operation = useOperation<CreateReport>();
  const [kind, setKind] = useState<DocumentKind>('annual');
  const [year, setYear] = useState(String(defaultYear));
  const [cluster, setCluster] = useState('');
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<UnitSuggestion[]>([]);
  const [members, setMembers] = useState<UnitSuggestion[]>([]);
  const hintId = useId();
  const yearNumber = Number.parseInt(year, 10);
  const date = `${Number.isFinite(yearNumber) ? yearNumber : defaultYear}-12-31`;

  useEffect(() => {
    // The registry needs two letters to say anything useful; below that there is nothing to ask.
    if (query.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      actions
        .searchUnits(query, date, { signal: controller.signal })
        .then((found) => {
          if (!controller.signal.aborted) setSuggestions(found);
        })
        .catch(() => {
          if (!controller.signal.aborted) setSuggestions([]);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [actions, query, date]);

  function add(name: string | undefined) {
    const chosen = suggestions.find((s) => s.name === name);
    if (!chosen || members.some((m) => m.name === chosen.name)) return;
    setMembers([...members, chosen]);
    setQuery('');
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    void operation.run((run) =>
      actions.createWorkbook({ kind, year: yearNumber, cluster, units: members.map((m) => m.name) }, run),
    );
  }

  const { state } = operation;
  return (
    <div className={styles.view}>
      <Text as="h2" size={400} weight="semibold">
        {t('create.heading')}
      </Text>
      <form className={own.form} onSubmit={submit}>
        <Field label={t('create.kind')}>
          <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as DocumentKind)}>
            <Radio value="annual" label={t('create.kind.annual')} />
            <Radio value="campaign" label={t('create.kind.campaign')} />
          </RadioGroup>
        </Field>
        <Field label={t('create.year')} required>
          <Input type="number" min={2000} max={2100} value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Field label={t('create.cluster')} required>
          <Input
            value={cluster}
            placeholder={t('create.clusterPlaceholder')}
            onChange={(_, d) => setCluster(d.value)}
          />
        </Field>
        <Field label={t('create.search')} hint={{ children: t('create.searchHint'), id: hintId }}>
          <Combobox
            freeform
            value={query}
            aria-describedby={hintId}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            onOptionSelect={(_, d) => add(d.optionValue)}
          >
            {suggestions.length === 0 && query.trim().length >= 2 ? (
              <Option disabled value="" text={t('create.noMatch')}>
                {t('create.noMatch')}
              </Option>
            ) : (
              suggestions.map((s) => (
                <Option key={`${s.code}|${s.name}`} value={s.name} text={s.name}>
                  <span className={own.option}>
                    <span>{s.name}</span>
                    <span className={own.meta}>
                      {s.code} · {t('create.confidence', { percent: confidenceText(s.confidence, lang) })}
                    </span>
                    {s.note && <span className={own.note}>{s.note[lang]}</span>}
                  </span>
                </Option>
              ))
            )}
          </Combobox>
        </Field>
        <section aria-label={t('create.members')}>
          <Text as="h3" weight="semibold">
            {t('create.members')} ({members.length})
          </Text>
          {members.length === 0 ? (
            <Text as="p" className={styles.muted}>
              {t('create.none')}
            </Text>
          ) : (
            <ul className={own.chosen}>
              {members.map((m) => (
                <li key={m.name} className={own.member}>
                  <span className={own.option}>
                    <span>{m.name}</span>
                    {m.note && <span className={own.note}>{m.note[lang]}</span>}
                  </span>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={t('create.remove', { name: m.name })}
                    onClick={() => setMembers(members.filter((x) => x.name !== m.name))}
                  >
                    ✕
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={operation.running}>
            {t('create.submit')}
          </Button>
        </div>
      </form>
      <OperationStatus operation={operation} actions={actions} />
      {state.status === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t('create.done', { count: state.value.sheets.length, sheets: state.value.sheets.join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'done' && <WriteNotes write={state.value.write} />}
    </div>
  );
}
