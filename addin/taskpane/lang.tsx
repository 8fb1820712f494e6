/** The chosen language and its translator, shared by every view. */
import { createContext, useContext } from 'react';
import { type Lang, type Translate, translator } from './i18n';

export interface LangValue {
  lang: Lang;
  t: Translate;
}

export const LangContext = createContext<LangValue>({ lang: 'vi', t: translator('vi') });

export const useLang = (): LangValue => useContext(LangContext);
