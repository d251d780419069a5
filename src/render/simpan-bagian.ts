/**
 * Build step: stores the narrative section lists read from the templates in
 * `<package>/dist/bagian-templat.json` (see bagian.ts), with the templates' fingerprint, so that
 * `lkjip validate` need not parse templates at every run. Run after `tsc`:
 * `node dist/src/render/simpan-bagian.js`. Without it everything still works.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './assets.js';
import { BERKAS_BAGIAN, bagianUntukDisimpan } from './bagian.js';

const tujuan = path.join(projectRoot(), 'dist', BERKAS_BAGIAN);
mkdirSync(path.dirname(tujuan), { recursive: true });
writeFileSync(tujuan, `${JSON.stringify(bagianUntukDisimpan())}\n`);
console.log(`daftar bagian narasi ditulis ke ${path.relative(process.cwd(), tujuan)}`);
