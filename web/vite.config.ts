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
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: 'public',
  plugins: [pdfjsAssets(), contentSecurityPolicy()],
  resolve: {
    alias: [{ find: /^node:module$/, replacement: join(webRoot, 'src/node-module-stub.ts') }],
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
