/** What a write left out because this Excel lacks an API set (named, never silent). */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { WriteReport } from '../../app/host';
import { useLang } from '../lang';

export function WriteNotes({ write }: { write: WriteReport }) {
  const { lang, t } = useLang();
  if (!write.skipped?.length) return null;
  return (
    <MessageBar intent="warning" data-testid="write-skipped">
      <MessageBarBody>
        <MessageBarTitle>{t('skipped.heading')}</MessageBarTitle>
        <ul>
          {write.skipped.map((s) => (
            <li key={s.vi}>{s[lang]}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
