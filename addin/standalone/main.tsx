/**
 * The standalone page: the task pane in a plain browser, over an .xlsx the person opens. The file host and
 * exceljs load only when a workbook is opened (a separate chunk), so the page itself stays small.
 */
import { createRoot } from 'react-dom/client';
import { StandalonePage } from './StandalonePage';
import type { SessionOpener } from './session';

const opener: SessionOpener = {
  open: async (file) => (await import('./file-session')).fileSessions.open(file),
  blank: async () => (await import('./file-session')).fileSessions.blank(),
};

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
const root = document.getElementById('root');
if (root) createRoot(root).render(<StandalonePage opener={opener} initialLang={lang} />);
