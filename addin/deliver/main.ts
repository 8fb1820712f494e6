/**
 * The add-in's page that saves a file the task pane made (../taskpane/deliver.ts): opened as an Office dialog it
 * asks the pane for the file (messageParent) and receives it in chunks (DialogParentMessageReceived); opened in
 * the person's browser the file is in the address fragment. Either way a "Lưu tệp" link saves it from this
 * page's own window, where downloads work. Nothing is sent anywhere.
 */
import { type DeliveredFile, FileAssembler, fileFromFragment } from '../taskpane/deliver-protocol';

type OfficeDialogSide = {
  onReady(callback: () => void): Promise<unknown>;
  EventType: { DialogParentMessageReceived: string };
  context: {
    ui: {
      messageParent(message: string): void;
      addHandlerAsync(type: string, handler: (arg: { message: string }) => void, callback?: () => void): void;
    };
  };
};

function show(file: DeliveredFile, onSaved?: () => void): void {
  const root = document.getElementById('root')!;
  root.textContent = '';
  const p = document.createElement('p');
  p.textContent = `Tệp sẵn sàng: ${file.name} (${Math.max(1, Math.round(file.bytes.byteLength / 1024))} KB). / The file is ready.`;
  const link = document.createElement('a');
  link.className = 'save';
  link.href = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
  link.download = file.name;
  link.textContent = `Lưu tệp ${file.name} / Save`;
  link.addEventListener('click', () => setTimeout(() => onSaved?.(), 500));
  root.append(p, link);
  link.focus();
}

function fail(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

const office = (globalThis as unknown as { Office?: OfficeDialogSide }).Office;
const dialog = new URLSearchParams(location.search).get('mode') === 'dialog';
if (dialog && office) {
  void office.onReady(() => {
    const assembler = new FileAssembler();
    office.context.ui.addHandlerAsync(office.EventType.DialogParentMessageReceived, (arg) => {
      const file = assembler.take(arg.message);
      if (file) show(file, () => office.context.ui.messageParent(JSON.stringify({ type: 'saved' })));
    });
    office.context.ui.messageParent(JSON.stringify({ type: 'ready' }));
  });
} else {
  const file = fileFromFragment(location.hash);
  if (file) {
    // The file is in memory now: the address no longer needs to carry it.
    history.replaceState(null, '', location.pathname);
    show(file);
  } else fail('Không có tệp nào để lưu. / There is no file to save.');
}
