/**
 * Entry of the bundled program (`dist/lkjip.cjs`, built by scripts/bundel.mjs and loaded by the
 * launchers peluncur.ts and peluncur-pekerja.ts): the whole program in one file, so that a command
 * reads one file instead of resolving hundreds of modules, and its compiled code can be cached.
 */
// `run` of the launcher is the command as installed: faults inside lkjip reported as LKJ900.
export { runCli as run } from './run.js';
export { catatJejak } from '../util/jejak.js';
export { jalankanPekerjaCetak } from '../build/pekerja-cetak.js';
