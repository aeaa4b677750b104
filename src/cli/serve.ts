/**
 * `xxgk-lint serve`: serves the built web page (web/dist) on this computer with node:http, so a
 * clerk can check reports in a browser. The server only hands out the page's static files; the
 * reports are read and checked inside the browser and never reach it.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { builtinRulesDir } from '../rule-dirs.js';

/** Options of {@link runServe}. */
export interface ServeOptions {
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1 by default (the CLI's default): other computers cannot reach the page. */
  host: string;
  /** Open the page in the default browser. */
  open?: boolean;
  /** The folder to serve; defaults to the package's web/dist. */
  root?: string;
  /** Resolves when the server should stop (tests); by default Ctrl+C or SIGTERM. */
  until?: Promise<unknown>;
  /** Called with the page's URL once the server listens. */
  onListening?: (url: string) => void;
}

/** A running static server. */
export interface StaticServer {
  /** The page's URL, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/** The MIME type of a file name (module scripts must be served as JavaScript, `.wasm` as wasm). */
export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The built page's folder: `web/dist` at the package root. */
export function webDistDir(): string {
  return join(dirname(builtinRulesDir()), 'web', 'dist');
}

/**
 * The file a request path names inside `root`, or null when it is outside (`..`, encoded or not,
 * absolute paths, NUL bytes) or cannot be decoded. Directories map to their index.html.
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${pathname}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return pathname.endsWith('/') ? join(file, 'index.html') : file;
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(text);
}

function handle(root: string, realRoot: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, '只支持 GET 和 HEAD 请求', { Allow: 'GET, HEAD' });
    return;
  }
  let file = resolveRequestPath(root, req.url ?? '/');
  if (file === null) {
    send(res, 400, '无效的路径');
    return;
  }
  let stats: Stats;
  try {
    stats = statSync(file);
    if (stats.isDirectory()) {
      file = join(file, 'index.html');
      stats = statSync(file);
    }
    // A symbolic link inside the folder must not lead out of it.
    const real = realpathSync(file);
    if (!real.startsWith(realRoot + sep) || !stats.isFile()) throw new Error('outside');
  } catch {
    send(res, 404, '找不到这个文件');
    return;
  }
  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  // Vite names bundled files by content hash, so they never change; the page itself may.
  const immutable = /[\\/]assets[\\/]/.test(file.slice(root.length));
  const headers: Record<string, string> = {
    'Content-Type': mimeType(file),
    'Content-Length': String(stats.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': headers['Cache-Control']! });
    res.end();
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Starts a static file server for `root`; rejects when the port cannot be used. */
export async function startStaticServer(root: string, port: number, host: string): Promise<StaticServer> {
  const base = resolve(root);
  const realRoot = realpathSync(base);
  const server: Server = createServer((req, res) => handle(base, realRoot, req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : shownHost}:${address.port}/`;
  return {
    url,
    port: address.port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Opens a URL in the default browser; failures only print a hint (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`无法自动打开浏览器，请手动打开 ${url}\n`));
    child.unref();
  } catch {
    process.stderr.write(`无法自动打开浏览器，请手动打开 ${url}\n`);
  }
}

/**
 * Serves the web page until Ctrl+C (or `options.until`). Resolves to the exit code: 0 after a
 * normal stop, 2 when the page is not built or the port cannot be used.
 */
export async function runServe(options: ServeOptions): Promise<number> {
  const root = options.root ?? webDistDir();
  if (!existsSync(join(root, 'index.html'))) {
    process.stderr.write(`xxgk-lint: 找不到网页文件 ${join(root, 'index.html')}。请先在项目目录运行 npm run web:build 生成网页。\n`);
    return 2;
  }
  let server: StaticServer;
  try {
    server = await startStaticServer(root, options.port, options.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `端口 ${options.port} 已被占用，请用 --port 换一个端口` : code === 'EACCES' ? `没有权限使用端口 ${options.port}，请用 --port 换一个大于 1024 的端口` : (error as Error).message;
    process.stderr.write(`xxgk-lint: 无法启动网页服务：${why}\n`);
    return 2;
  }
  process.stdout.write(`年度报告检查网页已启动：${server.url}\n`);
  process.stdout.write('报告只在浏览器里检查，不会上传到这台服务器或任何其他地方。按 Ctrl+C 停止。\n');
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1') {
    process.stdout.write(`注意：服务监听在 ${options.host}，同一网络中的其他电脑也能打开这个网页。\n`);
  }
  options.onListening?.(server.url);
  if (options.open) openBrowser(server.url);
  await (options.until ??
    new Promise<void>((ok) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        ok();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }));
  await server.close();
  process.stdout.write('网页服务已停止。\n');
  return 0;
}
