// Files leave the task pane inside Excel through a page of the add-in, never a blob download from the pane:
// a dialog (displayDialogAsync + messageChild, DialogApi 1.2) where the page asks for the file and saves it, else
// the person's browser (openBrowserWindow) with the file in the address fragment. Driven on a fake Office whose
// dialog runs the delivery page's own protocol (FileAssembler).
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../../addin/app/actions';
import type { FileOut } from '../../../addin/app/files';
import { type OfficeDialog, type OfficeUi, officeSaveFile } from '../../../addin/taskpane/deliver';
import {
  CHUNK_CHARS,
  type DeliveredFile,
  FileAssembler,
  fileFromFragment,
} from '../../../addin/taskpane/deliver-protocol';

const PAGE = 'https://thidua.example.gov.vn/deliver.html';

/** A file of `size` pseudo-random bytes (not text: every byte value occurs). */
function file(size: number): FileOut {
  const bytes = new Uint8Array(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return { name: 'de-nghi-khen-thuong-2022.xlsx', mime: 'application/vnd.ms-excel', bytes };
}

interface Recorded {
  opened: string[];
  messages: number;
  closed: number;
  received?: DeliveredFile;
  browser: string[];
}

/** Office with the given requirement sets; its dialog is the delivery page, which saves when the file is whole. */
function fakeOffice(sets: Record<string, string>, behaviour: 'save' | 'close' | 'fail-open' = 'save') {
  const rec: Recorded = { opened: [], messages: 0, closed: 0, browser: [] };
  const office: OfficeUi = {
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      requirements: {
        isSetSupported: (name, version = '1.1') =>
          sets[name] !== undefined && Number(version.split('.')[1]) <= Number(sets[name]!.split('.')[1]),
      },
      ui: {
        openBrowserWindow: (url) => rec.browser.push(url),
        displayDialogAsync(url, _options, callback) {
          rec.opened.push(url);
          if (behaviour === 'fail-open') {
            callback({ status: 'failed', value: undefined as never, error: { code: 12007, message: 'x' } });
            return;
          }
          const handlers = new Map<string, (arg: { message?: string; error?: number }) => void>();
          const page = new FileAssembler();
          const dialog: OfficeDialog = {
            addEventHandler: (type, handler) => handlers.set(type, handler),
            messageChild(message) {
              rec.messages++;
              expect(message.length).toBeLessThan(CHUNK_CHARS + 500);
              const whole = page.take(message);
              if (whole) {
                rec.received = whole;
                // The person clicks "Lưu tệp": the page tells the pane.
                setTimeout(() =>
                  handlers.get(office.EventType.DialogMessageReceived)?.({ message: '{"type":"saved"}' }),
                );
              }
            },
            close: () => rec.closed++,
          };
          callback({ status: 'succeeded', value: dialog });
          // The page loads, then asks for the file; or the person closes the dialog at once.
          setTimeout(() =>
            behaviour === 'close'
              ? handlers.get(office.EventType.DialogEventReceived)?.({ error: 12006 })
              : handlers.get(office.EventType.DialogMessageReceived)?.({ message: '{"type":"ready"}' }),
          );
        },
      },
    },
  };
  return { office, rec };
}

describe('file delivery inside Excel', () => {
  it('DialogApi 1.2: the dialog page receives the whole file in chunks, saves it, and the dialog closes', async () => {
    const { office, rec } = fakeOffice({ DialogApi: '1.2', OpenBrowserWindowApi: '1.1' });
    const f = file(100_000);
    await officeSaveFile(office, PAGE)(f);
    expect(rec.opened).toEqual([`${PAGE}?mode=dialog`]);
    expect(rec.messages).toBe(Math.ceil((Math.ceil(100_000 / 3) * 4) / CHUNK_CHARS));
    expect(rec.received!.name).toBe(f.name);
    expect(rec.received!.mime).toBe(f.mime);
    expect(Buffer.from(rec.received!.bytes).equals(Buffer.from(f.bytes))).toBe(true);
    expect(rec.closed).toBe(1);
    expect(rec.browser).toEqual([]);
  });

  it('a dialog the person closes before saving ends quietly; one that cannot open says why, in Vietnamese', async () => {
    const closed = fakeOffice({ DialogApi: '1.2' }, 'close');
    await expect(officeSaveFile(closed.office, PAGE)(file(10))).resolves.toBeUndefined();
    const blocked = fakeOffice({ DialogApi: '1.2' }, 'fail-open');
    const error = await officeSaveFile(blocked.office, PAGE)(file(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).text.vi).toContain('Không lưu được de-nghi-khen-thuong-2022.xlsx');
    expect((error as ActionError).text.vi).toContain('cửa sổ bật lên');
  });

  it('without DialogApi 1.2: the browser opens the page with the file in the fragment, which the page reads back', async () => {
    const { office, rec } = fakeOffice({ DialogApi: '1.1', OpenBrowserWindowApi: '1.1' });
    const f = file(20_000);
    await officeSaveFile(office, PAGE)(f);
    expect(rec.opened).toEqual([]);
    expect(rec.browser).toHaveLength(1);
    const url = new URL(rec.browser[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(PAGE);
    // The fragment is never sent to a server: the file is in it, not in the query.
    expect(url.search).toBe('');
    const back = fileFromFragment(url.hash)!;
    expect(back.name).toBe(f.name);
    expect(Buffer.from(back.bytes).equals(Buffer.from(f.bytes))).toBe(true);
  });

  it('neither API: refuses with what to do instead, and never falls back to a download from the pane', async () => {
    const { office, rec } = fakeOffice({});
    const error = await officeSaveFile(office, PAGE)(file(10)).catch((e: unknown) => e);
    expect((error as ActionError).text.vi).toContain('standalone.html');
    expect(rec.opened).toEqual([]);
    expect(rec.browser).toEqual([]);
  });

  it('chunks arriving out of order still make the file', () => {
    const f = file(70_000);
    const { office } = fakeOffice({});
    void office;
    const page = new FileAssembler();
    const chunks = (() => {
      const data = Buffer.from(f.bytes).toString('base64');
      const n = Math.ceil(data.length / CHUNK_CHARS);
      return Array.from({ length: n }, (_, index) =>
        JSON.stringify({
          type: 'file',
          name: f.name,
          mime: f.mime,
          index,
          count: n,
          data: data.slice(index * CHUNK_CHARS, (index + 1) * CHUNK_CHARS),
        }),
      );
    })();
    let whole: DeliveredFile | undefined;
    for (const c of [...chunks].reverse()) whole = page.take(c) ?? whole;
    expect(Buffer.from(whole!.bytes).equals(Buffer.from(f.bytes))).toBe(true);
  });
});
