/**
 * Entry of the bundled program (`dist/lkjip.cjs`, built by scripts/bundel.mjs and loaded by the
 * launchers peluncur.ts and peluncur-pekerja.ts): the whole program in one file, so that a command
 * reads one file instead of resolving hundreds of modules, and its compiled code can be cached.
 */
export { run } from './run.js';
export { catatJejak } from '../util/jejak.js';
export { jalankanPekerjaCetak } from '../build/pekerja-cetak.js';
