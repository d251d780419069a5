/**
 * The worker thread that drives Chromium in a build (build/pekerja-cetak.ts), as installed:
 * dist/lkjip-pekerja.mjs, started by the build from dist/lkjip.mjs. Loads the same bundle with its
 * own code caches.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { muatBundel } from './muat-bundel.js';

declare const VENDOR_DIBUNDEL: string[];

interface Bundel {
  jalankanPekerjaCetak(simpanCache?: () => void): void;
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const { bundel, simpanCache } = muatBundel<Bundel>(dir, 'pekerja', VENDOR_DIBUNDEL);
bundel.jalankanPekerjaCetak(simpanCache);
