/**
 * Builds the CLI as installed (run by `npm run build`, after tsc and the schema validators):
 *   dist/lkjip.mjs            the launcher (src/cli/peluncur.ts), `bin` of package.json
 *   dist/lkjip-pekerja.mjs    the launcher of the worker thread that drives Chromium
 *   dist/lkjip.cjs            lkjip itself with its light dependencies and the precompiled schema
 *                             validators, in one CommonJS file
 *   dist/vendor/<paket>.cjs   the three heavy libraries only `build` needs (puppeteer-core, pdf-lib,
 *                             exceljs), one file each, read only when required
 * then runs `validate` and `calc` once on the bundled data so that their code cache exists (see
 * peluncur.ts). Tests run the TypeScript sources; dist/src/ (tsc) stays for them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const akar = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(akar, 'dist');

/** The libraries in their own bundle each; the launcher hands them to lkjip.cjs on `require`. */
export const VENDOR = ['puppeteer-core', 'pdf-lib', 'exceljs'];

/**
 * Parts of puppeteer-core a build never reaches (downloading browsers, proxies, WebDriver BiDi,
 * websockets: lkjip drives an installed Chromium over a pipe): left out of the bundle and, should
 * they ever be required, loaded from node_modules as usual.
 */
const TIDAK_DIBUNDEL = ['chromium-bidi', '@tootallnate/quickjs-emscripten', 'yargs', 'yargs/*', 'typescript'];

/**
 * Loaded by puppeteer-core when it starts but used only to download browsers through a proxy:
 * replaced by an empty class (lkjip never downloads a browser), so that it costs nothing.
 */
const KOSONG = {
  name: 'kosong',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'kosong' }));
    build.onLoad({ filter: /.*/, namespace: 'kosong' }, () => ({ contents: 'exports.ProxyAgent = class ProxyAgent {};', loader: 'js' }));
  },
};

const requireBiasa = {
  name: 'require-biasa',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      let teks = await readFile(args.path, 'utf8');
      // Lazy `createRequire(import.meta.url)('x')` (ESM has no `require`): in the bundle the plain
      // `require('x')` is what esbuild follows and includes.
      teks = teks
        .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
        .replace(/createRequire\(import\.meta\.url\)\(/g, 'require(');
      // A Node built-in imported lazily: a dynamic import() inside a script loaded from a code
      // cache has no loader to go to on Node 20; require() of a built-in needs none.
      teks = teks.replace(/\bimport\(('node:[^']+')\)/g, 'Promise.resolve().then(() => require($1))');
      // The precompiled schema validators (dist/schemas-compiled.cjs) go into the bundle too.
      teks = teks.replace('require(/* dibundel: schemas-compiled.cjs */ file)', `require(${JSON.stringify(path.join(dist, 'schemas-compiled.cjs'))})`);
      return { contents: teks, loader: 'ts' };
    });
  },
};

/** Every character outside ASCII as a \u escape (strings, regular expressions, comments alike). */
function ascii(teks) {
  return teks.replace(/[^\x00-\x7f]/gu, (c) =>
    c.length === 1
      ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
      : `\\u${c.charCodeAt(0).toString(16)}\\u${c.charCodeAt(1).toString(16)}`,
  );
}

const umum = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  legalComments: 'none',
  charset: 'ascii',
  write: false,
  logLevel: 'warning',
};

async function tulis(opsi) {
  const hasil = await esbuild.build({ ...umum, ...opsi });
  for (const f of hasil.outputFiles) {
    mkdirSync(path.dirname(f.path), { recursive: true });
    // The launcher reads the bundles as latin1 (3x faster than utf8): they must be pure ASCII.
    writeFileSync(f.path, ascii(f.text));
  }
}

await tulis({
  entryPoints: [path.join(akar, 'src/cli/bundel.ts')],
  outfile: path.join(dist, 'lkjip.cjs'),
  // import.meta.url of our modules: the bundle's own URL (package paths are found upward from it).
  define: { 'import.meta.url': '__lkjip_url' },
  banner: { js: 'var __lkjip_url = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [requireBiasa],
  external: [...VENDOR, ...TIDAK_DIBUNDEL],
});
for (const paket of VENDOR) {
  await tulis({
    stdin: { contents: `module.exports = require(${JSON.stringify(paket)});`, resolveDir: akar, loader: 'js' },
    outfile: path.join(dist, 'vendor', `${paket}.cjs`),
    external: TIDAK_DIBUNDEL,
    plugins: [KOSONG],
  });
}
for (const [masuk, keluar] of [['peluncur', 'lkjip'], ['peluncur-pekerja', 'lkjip-pekerja']]) {
  await esbuild.build({
    entryPoints: [path.join(akar, `src/cli/${masuk}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: path.join(dist, `${keluar}.mjs`),
    banner: { js: keluar === 'lkjip' ? '#!/usr/bin/env node' : '' },
    define: { VENDOR_DIBUNDEL: JSON.stringify(VENDOR) },
    logLevel: 'warning',
  });
}

// Caches once kept beside the bundle (older builds): remove them; then make those of validate and
// calc in the user cache folder (muat-bundel.ts).
for (const dir of [dist, path.join(dist, 'vendor')]) {
  for (const n of readdirSync(dir)) if (n.endsWith('.cache')) rmSync(path.join(dir, n), { force: true });
}
for (const args of [['validate', '2024'], ['calc', '2024', '--json']]) {
  try {
    execFileSync(process.execPath, [path.join(dist, 'lkjip.mjs'), ...args, '--data', path.join(akar, 'data')], { cwd: akar, stdio: 'ignore' });
  } catch {
    // data that fails validation still leaves its cache
  }
}
const mb = (f) => `${(readFileSync(path.join(dist, f)).length / 1e6).toFixed(1)} MB`;
console.log(`bundel: dist/lkjip.cjs ${mb('lkjip.cjs')}, ${VENDOR.map((p) => `dist/vendor/${p}.cjs ${mb(`vendor/${p}.cjs`)}`).join(', ')}`);
