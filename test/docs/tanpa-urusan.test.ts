/**
 * Nothing of one urusan in the code or the templates: the words of the bundled labour office (the
 * urusan the tool was first written for) appear in neither. Data, tests and docs may name it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const akar = path.resolve(__dirname, '../..');
const semua = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? semua(path.join(dir, e.name)) : [path.join(dir, e.name)]));

const KATA = [
  /tenaga\s+kerja/i,
  /ketenagakerjaan/i,
  /pengangguran/i,
  /penganggur/i,
  /angkatan\s+kerja/i,
  /\bTPT\b/,
  /\bTPAK\b/,
  /pelatihan/i,
  /transmigrasi/i,
  /mojokerto/i,
  /hubungan\s+industrial/i,
  /disnaker/i,
];

describe('src/ and templates/ hold no word of one urusan', () => {
  const berkas = ['src', 'templates'].flatMap((d) => semua(path.join(akar, d))).filter((f) => /\.(ts|hbs|css|html)$/.test(f));
  it('has files to look at', () => expect(berkas.length).toBeGreaterThan(80));
  it.each(KATA.map((k) => [String(k), k] as const))('%s', (_n, kata) => {
    const ada = berkas.filter((f) => kata.test(readFileSync(f, 'utf8'))).map((f) => path.relative(akar, f));
    expect(ada).toEqual([]);
  });
});
