import { Switch } from '@fluentui/react-components';
import { type Lang, translator } from '../i18n';

/** The Vietnamese/English switch of the pane and of the standalone page's open screen. */
export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const t = translator(lang);
  return (
    <Switch
      label={t('app.language')}
      aria-label={t('app.languageHint')}
      checked={lang === 'en'}
      onChange={(_, d) => onChange(d.checked ? 'en' : 'vi')}
    />
  );
}
