/**
 * `npm start`: serves dist/addin on https://localhost:3000 (THIDUA_PORT to change) with a self-signed development
 * certificate made once with openssl in ~/.office-addin-thidua/, and says how to sideload the add-in.
 * office.js: /office-js/* is served from node_modules/@microsoft/office-js/dist (THIDUA_OFFICEJS_URL=local).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The development certificate, made with openssl on first use. */
export async function devCertificate(
  dir = join(homedir(), '.office-addin-thidua'),
): Promise<{ key: Buffer; cert: Buffer }> {
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  if (!existsSync(key) || !existsSync(cert)) {
    await mkdir(dir, { recursive: true });
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-sha256',
          '-days',
          '825',
          '-keyout',
          key,
          '-out',
          cert,
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
    } catch {
      throw new Error(
        'Không tạo được chứng chỉ phát triển: cần openssl (apt-get install openssl). / Could not create the development certificate: openssl is needed.',
      );
    }
  }
  return { key: await readFile(key), cert: await readFile(cert) };
}

const BAD_REQUEST = Symbol('bad request');
const FORBIDDEN = Symbol('forbidden');

/**
 * The file a request's path names, under `dir` (or office.js under `officeJs`): BAD_REQUEST for a path that
 * does not decode (`/%E0%A4%A`, a NUL byte), FORBIDDEN for one that leaves its folder. Never throws, so one
 * malformed request cannot stop the server.
 */
function requestedFile(
  url: string | undefined,
  dir: string,
  officeJs: string,
): string | typeof BAD_REQUEST | typeof FORBIDDEN {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'https://localhost').pathname);
  } catch {
    return BAD_REQUEST;
  }
  if (path.includes('\0')) return BAD_REQUEST;
  const [folder, rel] = path.startsWith('/office-js/')
    ? [officeJs, path.slice('/office-js/'.length)]
    : [dir, path.slice(1) || 'taskpane.html'];
  const base = resolve(folder);
  const file = normalize(join(base, rel));
  // With the separator: "dist/addin-other" is not inside "dist/addin".
  return file.startsWith(base + sep) ? file : FORBIDDEN;
}

/** Serves a built add-in folder over https; resolves once listening. */
export async function serveAddin(
  options: { dir?: string; port?: number; certDir?: string } = {},
): Promise<{ server: Server; url: string }> {
  const dir = options.dir ?? join(root, 'dist/addin');
  const officeJs = join(root, 'node_modules/@microsoft/office-js/dist');
  const server = createServer(await devCertificate(options.certDir), async (req, res) => {
    const text = { 'content-type': 'text/plain; charset=utf-8' };
    const file = requestedFile(req.url, dir, officeJs);
    if (file === BAD_REQUEST) {
      res.writeHead(400, text).end('Yêu cầu không hợp lệ / Bad request');
      return;
    }
    if (file === FORBIDDEN) {
      res.writeHead(403, text).end('Không được phép / Forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      if (!res.headersSent) res.writeHead(404, text);
      res.end('Không có / Not found');
    }
  });
  const port = options.port ?? 3000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, 'localhost', done);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, url: `https://localhost:${actual}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.THIDUA_PORT ?? 3000);
  const origin = `https://localhost:${port}`;
  const dir = join(root, 'dist/addin');
  if (port !== 3000 || !existsSync(join(dir, 'manifest.xml'))) {
    // The manifest must name the origin it is served from.
    const builder = './build-addin.mjs';
    const { buildAddin } = (await import(builder)) as { buildAddin: (o: object) => Promise<unknown> };
    await buildAddin({ origin });
  }
  const { url } = await serveAddin({ dir, port });
  console.log(`Thi đua: ${url}
  Bảng điều khiển / task pane:  ${url}/taskpane.html
  Trang độc lập / standalone:   ${url}/standalone.html
  Manifest:                     ${url}/manifest.xml  (${join(dir, 'manifest.xml')})

Cài thử trong Excel / sideload:
  Excel trên web: Trang chủ → Bổ trợ → Thêm bổ trợ → Tải lên bổ trợ của tôi → chọn dist/addin/manifest.xml.
  Excel for the web: Home → Add-ins → More add-ins → Upload My Add-in → dist/addin/manifest.xml.
  Excel Windows: copy manifest.xml into a shared folder, add it under File → Options → Trust Center →
    Trusted Add-in Catalogs, then Insert → My Add-ins → Shared Folder.
  Excel Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/.
  Tin cậy chứng chỉ tự ký ~/.office-addin-thidua/localhost.crt / trust the self-signed certificate first.
Ctrl+C để dừng / to stop.`);
}
