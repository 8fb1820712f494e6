// `npm start`'s server: built add-in over https with the development certificate, on a free port.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS build module without type declarations
import { buildAddin } from '../../../scripts/build-addin.mjs';
import { serveAddin } from '../../../scripts/serve';

const get = (url: string) =>
  new Promise<{ status: number; type: string; body: string }>((done, fail) => {
    request(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    })
      .on('error', fail)
      .end();
  });

let stop: () => void;
let url: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-serve-'));
  const served = await serveAddin({ dir, port: 0, certDir: join(tmpdir(), 'thidua-cert-test') });
  url = served.url;
  await buildAddin({ outDir: dir, origin: url, officeJs: 'local' });
  stop = () => served.server.close();
}, 180_000);

afterAll(() => stop?.());

describe('scripts/serve.ts', () => {
  it('serves the manifest for its own origin and the pages over https', async () => {
    const manifest = await get(`${url}/manifest.xml`);
    expect(manifest.status).toBe(200);
    expect(manifest.body).toContain(`${url}/taskpane.html`);
    const help = await get(`${url}/help.html`);
    expect(help.status).toBe(200);
    expect(help.type).toContain('text/html');
    const standalone = await get(`${url}/standalone.html`);
    expect(standalone.status).toBe(200);
    expect(standalone.body).toContain('src="standalone.js"');
    const pane = await get(`${url}/taskpane.html`);
    expect(pane.body).toContain('src="/office-js/office.js"');
    expect(pane.body).toContain('src="commands.js"');
    expect((await get(`${url}/taskpane.js`)).type).toContain('text/javascript');
    const office = await get(`${url}/office-js/office.js`);
    expect(office.status).toBe(200);
    expect((await get(`${url}/../package.json`)).status).not.toBe(200);
  });

  it('answers 400 to a malformed path and keeps serving', async () => {
    for (const bad of ['/%E0%A4%A', '/%', '/%zz', '/taskpane.html%00', '/office-js/%E0%A4%A'])
      expect((await get(`${url}${bad}`)).status, bad).toBe(400);
    expect((await get(`${url}/%E0%A4%A`)).body).toContain('Yêu cầu không hợp lệ');
    // An encoded separator that would leave the folder is refused ("/%2e%2e/" is resolved by the URL itself).
    for (const out of ['/..%2fpackage.json', '/office-js/..%2f..%2fpackage.json', '/..%2f..%2fpackage.json'])
      expect((await get(`${url}${out}`)).status, out).toBe(403);
    expect((await get(`${url}/%2e%2e/package.json`)).status).toBe(404);
    expect((await get(`${url}/manifest.xml`)).status).toBe(200);
  });
});
