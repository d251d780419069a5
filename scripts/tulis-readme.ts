/**
 * `npm run docs`: writes the generated parts of data/README.md (narrative sections, references)
 * from the templates and the reference registry. test/docs/readme.test.ts fails when it is due.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { perbaruiReadme } from '../src/render/dokumentasi.js';

const akar = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readme = path.join(akar, 'data/README.md');
const lama = readFileSync(readme, 'utf8');
const baru = perbaruiReadme(lama);
if (baru === lama) console.log('data/README.md sudah mutakhir.');
else {
  writeFileSync(readme, baru);
  console.log('data/README.md diperbarui.');
}
