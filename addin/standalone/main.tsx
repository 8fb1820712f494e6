/**
 * The standalone page: the task pane in a plain browser, over an .xlsx the person opens. The file host and
 * exceljs are a separate chunk, fetched once the page is idle, so the page itself shows at once.
 */
import { createRoot } from 'react-dom/client';
import { StandalonePage } from './StandalonePage';
import type { SessionOpener } from './session';
import { whenIdle } from '../taskpane/when-idle';

const opener: SessionOpener = {
  open: async (file) => (await import('./file-session')).fileSessions.open(file),
  blank: async () => (await import('./file-session')).fileSessions.blank(),
};

// The file host's code arrives while the person chooses a file (a fetch that fails is reported on opening).
whenIdle(() => {
  import('./file-session').catch(() => undefined);
});

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
const root = document.getElementById('root');
if (root) createRoot(root).render(<StandalonePage opener={opener} initialLang={lang} />);
