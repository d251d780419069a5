/**
 * `lkjip` as installed (`bin` in package.json -> dist/lkjip.mjs, built from this file by
 * scripts/bundel.mjs): loads the bundled program with its code cache (muat-bundel.ts) and runs the
 * command. A build's Chromium is driven from a worker thread started from the sibling launcher
 * dist/lkjip-pekerja.mjs (build/pekerja-cetak.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { muatBundel } from './muat-bundel.js';

/** Set by scripts/bundel.mjs: the packages bundled in dist/vendor/. */
declare const VENDOR_DIBUNDEL: string[];

interface Bundel {
  run(argv: string[]): Promise<number>;
  catatJejak(label: string, mulai: number): void;
}

const PERINTAH = new Set(['validate', 'calc', 'build', 'init', 'baru', 'isian', 'impor', 'rekap', 'skema']);
const dir = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
(globalThis as { __lkjipPekerja?: string }).__lkjipPekerja = path.join(dir, 'lkjip-pekerja.mjs');
const { bundel, simpanCache } = muatBundel<Bundel>(dir, PERINTAH.has(argv[0] ?? '') ? (argv[0] as string) : 'lain', VENDOR_DIBUNDEL);
bundel.catatJejak('mulai node + muat bundel', 0);
process.exitCode = await bundel.run(argv);
simpanCache();
