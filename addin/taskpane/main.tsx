/**
 * The task pane inside Excel: once Office is ready, the actions over the Office.js host, and the reports of
 * ribbon commands (addin/commands) delivered to the pane. Office.js is touched here and in the host only.
 */
import { createRoot } from 'react-dom/client';
import { createActions } from '../app/actions';
import { NAVIGATE_EVENT, pendingNavigation, type CommandNavigation } from '../commands/commands';
import { OfficeHost } from '../host/office/office-host';
import { App } from './App';
import { type OfficeUi, officeSaveFile } from './deliver';
import { type IncomingSource, viewFromSearch } from './incoming';

const incoming: IncomingSource = {
  take: () => pendingNavigation() ?? viewFromSearch(window.location.search),
  subscribe(listener) {
    const handler = (event: Event) => listener((event as CustomEvent<CommandNavigation>).detail);
    window.addEventListener(NAVIGATE_EVENT, handler);
    return () => window.removeEventListener(NAVIGATE_EVENT, handler);
  },
};

function boot(): void {
  const root = document.getElementById('root');
  if (!root) return;
  // exceljs (members' scorecards, returned files, the nomination workbook) and docx (the dossier) load on first use only.
  const actions = createActions(new OfficeHost(), {
    files: () => import('../host/xlsx/workbook-bytes').then((m) => m.xlsxFiles),
    documents: () => import('../host/docx').then((m) => m.docxFiles),
  });
  // Files go through a dialog on the add-in's own page (or the person's browser), not a blob download.
  const saveFile = officeSaveFile(
    office as unknown as OfficeUi,
    new URL('deliver.html', window.location.href).href,
  );
  createRoot(root).render(<App actions={actions} incoming={incoming} saveFile={saveFile} />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.onReady) {
  void office.onReady(boot);
} else {
  // Opened outside Office: say where to go instead of failing silently.
  const root = document.getElementById('root');
  if (root) {
    root.textContent =
      'Trang này chạy trong Excel (Thi đua). Ngoài Excel, hãy mở standalone.html. / This page runs inside Excel; outside it, open standalone.html.';
  }
}
