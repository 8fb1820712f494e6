/**
 * Saving a file from the task pane inside Excel, in the ways Microsoft documents for add-ins: a dialog on a page
 * of the add-in (Office.context.ui.displayDialogAsync; the file goes to it with messageChild, DialogApi 1.2, and
 * the page offers the save from its own window), else the person's browser opened on that page with the file in
 * the address fragment (Office.context.ui.openBrowserWindow, OpenBrowserWindowApi 1.1). A blob download from the
 * pane itself is kept for the standalone page only (./save-file.ts).
 */
import { ActionError } from '../app/actions';
import type { FileOut } from '../app/files';
import { FRAGMENT_LIMIT, type ToPane, chunksOf, fragmentFor } from './deliver-protocol';
import type { SaveFile } from './save-file';

/** The part of Office.js this uses (the real Office, or a fake in tests). */
export interface OfficeUi {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    ui: {
      displayDialogAsync(
        url: string,
        options: { height: number; width: number; promptBeforeOpen?: boolean },
        callback: (result: {
          status: 'succeeded' | 'failed';
          value: OfficeDialog;
          error?: { code: number; message: string };
        }) => void,
      ): void;
      openBrowserWindow?(url: string): void;
    };
  };
  EventType: { DialogMessageReceived: string; DialogEventReceived: string };
}

export interface OfficeDialog {
  addEventHandler(type: string, handler: (arg: { message?: string; error?: number }) => void): void;
  messageChild(message: string): void;
  close(): void;
}

const cannot = (name: string, why: { vi: string; en: string }) =>
  new ActionError({ vi: `Không lưu được ${name}: ${why.vi}`, en: `Could not save ${name}: ${why.en}` });

/** `page`: the add-in's delivery page (deliver.html), absolute, on the add-in's own origin. */
export function officeSaveFile(office: OfficeUi, page: string): SaveFile {
  const supported = (set: string, version: string) =>
    office.context.requirements.isSetSupported(set, version);
  return (file: FileOut) => {
    if (supported('DialogApi', '1.2')) return viaDialog(office, page, file);
    if (supported('OpenBrowserWindowApi', '1.1') && office.context.ui.openBrowserWindow) {
      const fragment = fragmentFor(file);
      if (fragment.length > FRAGMENT_LIMIT)
        return Promise.reject(
          cannot(file.name, {
            vi: 'tệp quá lớn để mở bằng trình duyệt từ phiên bản Excel này; hãy dùng trang làm việc ngoài Excel (standalone.html)',
            en: 'the file is too large to open in the browser from this Excel; use the page outside Excel (standalone.html)',
          }),
        );
      office.context.ui.openBrowserWindow(`${page}${fragment}`);
      return Promise.resolve();
    }
    return Promise.reject(
      cannot(file.name, {
        vi: 'phiên bản Excel này không mở được hộp thoại lưu tệp; hãy dùng trang làm việc ngoài Excel (standalone.html)',
        en: 'this Excel cannot open the save dialog; use the page outside Excel (standalone.html)',
      }),
    );
  };
}

function viaDialog(office: OfficeUi, page: string, file: FileOut): Promise<void> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(`${page}?mode=dialog`, { height: 40, width: 30 }, (result) => {
      if (result.status !== 'succeeded') {
        reject(
          cannot(file.name, {
            vi: 'không mở được hộp thoại (có thể trình duyệt chặn cửa sổ bật lên); hãy cho phép rồi thử lại',
            en: 'the dialog did not open (a pop-up blocker may have stopped it); allow it and try again',
          }),
        );
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        let message: ToPane;
        try {
          message = JSON.parse(arg.message ?? '') as ToPane;
        } catch {
          return;
        }
        if (message.type === 'ready') {
          for (const chunk of chunksOf(file)) dialog.messageChild(JSON.stringify(chunk));
        } else if (message.type === 'saved') {
          dialog.close();
          resolve();
        } else if (message.type === 'failed') {
          dialog.close();
          reject(cannot(file.name, { vi: 'trang lưu tệp báo lỗi', en: 'the save page reported a failure' }));
        }
      });
      // The person closed the dialog (12006) before saving: nothing saved, and nothing wrong either.
      dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve());
    });
  });
}
