// A static file server for the built site, on loopback only, behaving like the production host:
// index.html for a folder, a redirect for a folder without its slash, 404.html with status 404.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(file) {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

// Starts the server; resolves to {origin, close(), outside}. With basePath ("/wegwijzer") the
// site is served only under that path, as on a project's GitHub Pages: any other request gets a
// plain 404 and is recorded in `outside`.
export async function serve(root, { basePath = '' } = {}) {
  root = path.resolve(root);
  const outside = [];
  const server = createServer(async (request, response) => {
    const send = async (status, file, headers = {}) => {
      const body = request.method === 'HEAD' ? null : await readFile(file);
      response.writeHead(status, { 'Content-Type': contentType(file), 'Cache-Control': 'no-store', ...headers });
      response.end(body);
    };
    const notFound = async () => {
      const page = path.join(root, '404.html');
      if (await isFile(page)) return send(404, page);
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('404: no 404.html in the built site\n');
    };
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' });
        return response.end();
      }
      const url = new URL(request.url, 'http://127.0.0.1');
      if (basePath && !url.pathname.startsWith(`${basePath}/`)) {
        outside.push(url.pathname);
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        return response.end(`404: outside ${basePath}/\n`);
      }
      if (basePath) url.pathname = url.pathname.slice(basePath.length);
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return notFound();
      }
      const file = path.join(root, path.normalize(pathname));
      if (file !== root && !file.startsWith(root + path.sep)) return notFound();
      if (pathname.includes('\0')) return notFound();
      if (await isDirectory(file)) {
        if (!url.pathname.endsWith('/')) {
          response.writeHead(301, { Location: basePath + url.pathname + '/' + url.search });
          return response.end();
        }
        const index = path.join(file, 'index.html');
        return (await isFile(index)) ? send(200, index) : notFound();
      }
      if (url.pathname.endsWith('/') || !(await isFile(file))) return notFound();
      return send(200, file);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    outside,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}
