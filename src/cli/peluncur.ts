/**
 * `lkjip` as installed (`bin` in package.json -> dist/lkjip.mjs, built from this file by
 * scripts/bundel.mjs): loads the bundled program (dist/lkjip.cjs) and, when it asks for them, the
 * bundled heavy libraries (dist/vendor/*.cjs), each with V8's code cache.
 *
 * Compiling JavaScript is most of a short command's start-up (validate, calc) and a good part of
 * a build's (the browser driver, the PDF and workbook libraries). V8 can serialise the code it
 * compiled and take it back on the next run, as Node 22's `module.enableCompileCache()` does for
 * modules; Node 20 has no such switch, so this loader does it for the bundle files: the first run
 * of a command compiles as usual and leaves `<bundle>.<node>-<arch>.<command>.cache` next to the
 * bundle; later runs start from it. A cache made by another Node version or for an older bundle
 * is rejected by V8 and made again. Where dist/ cannot be written (a system-wide install),
 * commands run without it. `LKJIP_TANPA_CACHE=1` ignores the caches (the benchmark compares).
 *
 * Only Node built-ins here: this file must cost nothing before the bundle is read.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** Set by scripts/bundel.mjs: the packages bundled in dist/vendor/. */
declare const VENDOR_DIBUNDEL: string[];

interface Bundel {
  run(argv: string[]): Promise<number>;
  catatJejak(label: string, mulai: number): void;
}

const PERINTAH = new Set(['validate', 'calc', 'build', 'init']);
const dir = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const perintah = PERINTAH.has(argv[0] ?? '') ? (argv[0] as string) : 'lain';
const tanpaCache = process.env.LKJIP_TANPA_CACHE === '1';
const dimuat: { script: vm.Script; cache: string; ada: boolean }[] = [];
const vendor = new Map<string, unknown>();
const requireNode = createRequire(path.join(dir, 'lkjip.cjs'));

/** Runs one bundle file as a CommonJS module, with its code cache, and returns its exports. */
function muat(berkas: string): unknown {
  const cache = `${berkas}.${process.version}-${process.arch}.${perintah}.cache`;
  // The bundles are pure ASCII (scripts/bundel.mjs): latin1 reads them 3x faster than utf8.
  const sumber = readFileSync(berkas, 'latin1');
  let cachedData: Buffer | undefined;
  if (!tanpaCache && existsSync(cache)) {
    try {
      cachedData = readFileSync(cache);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${sumber}\n})`, {
    filename: berkas,
    ...(cachedData ? { cachedData } : {}),
  });
  dimuat.push({ script, cache, ada: cachedData !== undefined && script.cachedDataRejected !== true });
  const modul = { exports: {} as unknown };
  const req = (id: string): unknown => {
    if (!VENDOR_DIBUNDEL.includes(id)) return requireNode(id);
    if (!vendor.has(id)) vendor.set(id, muat(path.join(dir, 'vendor', `${id}.cjs`)));
    return vendor.get(id);
  };
  (script.runInThisContext() as (...a: unknown[]) => void).call(modul.exports, modul.exports, Object.assign(req, requireNode), modul, berkas, path.dirname(berkas));
  return modul.exports;
}

const bundel = muat(path.join(dir, 'lkjip.cjs')) as Bundel;
bundel.catatJejak('mulai node + muat bundel', 0);
process.exitCode = await bundel.run(argv);

if (!tanpaCache) {
  for (const m of dimuat) {
    if (m.ada) continue;
    // Written once per command, atomically: another lkjip starting meanwhile reads the old file
    // or the new one, never half of one.
    const sementara = `${m.cache}.${process.pid}.tmp`;
    try {
      writeFileSync(sementara, m.script.createCachedData());
      renameSync(sementara, m.cache);
    } catch {
      rmSync(sementara, { force: true });
    }
  }
}
