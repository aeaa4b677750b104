/**
 * Builds the web page (web/ → web/dist). `base: './'` makes every URL relative, so the folder can
 * be copied anywhere and served as static files. pdf.js's CMaps and standard fonts are copied
 * next to the page (it fetches them on demand for PDFs with non-embedded CJK or standard fonts),
 * and a Content-Security-Policy that only allows the page's own origin is written into the built
 * page, so the browser itself guarantees that a report cannot be sent anywhere.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorkerSource } from './offline/service-worker.js';

const webRoot = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(webRoot, '..');
const pdfjsRoot = resolve(projectRoot, 'node_modules/pdfjs-dist');
const PDFJS_ASSETS = ['cmaps', 'standard_fonts'] as const;

/** The policy of the built page: own origin only (blob: for downloads, data: for small images). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function pdfjsAssets(): Plugin {
  return {
    name: 'xxgk-pdfjs-assets',
    // Dev server: serve the folders straight from node_modules under the same URLs as the build.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
        const file = m ? join(pdfjsRoot, m[1]!, m[2]!) : '';
        if (!m || !file.startsWith(pdfjsRoot + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const folder of PDFJS_ASSETS) {
        const dir = join(pdfjsRoot, folder);
        for (const name of readdirSync(dir)) {
          if (name.startsWith('LICENSE')) continue;
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(dir, name)) });
        }
      }
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'xxgk-csp',
    // Build only: the dev server needs inline scripts and a websocket for hot reload.
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
  };
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/**
 * Writes `sw.js`, the service worker that keeps the page usable offline (see
 * offline/service-worker.ts). Runs last, so the list holds every emitted file (the pdf.js assets
 * too) plus the public folder, which Vite copies without passing it through the bundle.
 */
function offlineWorker(): Plugin {
  return {
    name: 'xxgk-offline',
    apply: 'build',
    // The page registers the worker only when this tag says the build wrote one (not in dev).
    transformIndexHtml: (html) => html.replace('</head>', '  <meta name="xxgk-service-worker" content="./sw.js" />\n  </head>'),
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = [...Object.keys(bundle), ...filesUnder(join(webRoot, 'public'))].filter((f) => f !== 'sw.js' && !f.endsWith('.map')).sort();
        const hash = createHash('sha256');
        for (const name of files) {
          const chunk = bundle[name];
          hash.update(name);
          if (chunk?.type === 'chunk') hash.update(chunk.code);
          else if (chunk?.type === 'asset') hash.update(typeof chunk.source === 'string' ? chunk.source : Buffer.from(chunk.source));
          else hash.update(readFileSync(join(webRoot, 'public', name)));
        }
        this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files, hash.digest('hex').slice(0, 16)) });
      },
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: 'public',
  plugins: [pdfjsAssets(), contentSecurityPolicy(), offlineWorker()],
  resolve: {
    alias: [
      { find: /^node:module$/, replacement: join(webRoot, 'src/node-module-stub.ts') },
      { find: /^node:zlib$/, replacement: join(webRoot, 'src/node-zlib-stub.ts') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // exceljs (the Excel download, loaded on demand) is one large chunk by nature.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The page imports the checker from ../src and the rule packs from ../rules.
    fs: { allow: [projectRoot] },
  },
});
