/**
 * Build step: writes the precompiled schema validators to `<package>/dist/schemas-compiled.cjs`
 * (or the path given as first argument). Run after `tsc`: `node dist/src/validate/compile-schemas.js`.
 * Without it everything still works; validation then compiles the schemas at start-up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BERKAS_TERKOMPILASI, cariFolderSkema, kodeTerkompilasi } from './schema.js';

const dir = cariFolderSkema();
const tujuan = process.argv[2] ?? path.join(path.dirname(dir), 'dist', BERKAS_TERKOMPILASI);
mkdirSync(path.dirname(tujuan), { recursive: true });
writeFileSync(tujuan, kodeTerkompilasi(dir));
console.log(`validator skema ditulis ke ${path.relative(process.cwd(), tujuan)}`);
