/**
 * The fast position reader (posisi-cepat.ts) against the `yaml` Document (posisiNode): on every
 * data file and fixture, for every node and every key, the same line:column, or it gives up on
 * the file (then the Document is used).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLengkap } from '../../src/load/parse-yaml.js';
import { indeksPosisi, posisiDariIndeks } from '../../src/load/posisi-cepat.js';
import { posisiNode } from '../../src/load/position.js';

const akar = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cari = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cari(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
const berkas = [path.join(akar, 'data'), path.join(akar, 'test/fixtures')].flatMap(cari).map((f) => path.relative(akar, f));

const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every instancePath of a value, and some that do not exist (a missing key, an index past the end). */
function semuaJalur(v: unknown, p = '', out: string[] = []): string[] {
  out.push(p);
  if (Array.isArray(v)) {
    v.forEach((x, i) => semuaJalur(x, `${p}/${i}`, out));
    out.push(`${p}/${v.length}`);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) semuaJalur(x, `${p}/${esc(k)}`, out);
    out.push(`${p}/tidak_ada`);
  }
  return out;
}

function bandingkan(text: string): { dibaca: boolean; jalur: number } {
  const lengkap = parseLengkap(text, 'x.yaml');
  const ix = indeksPosisi(text);
  if (!ix || !lengkap.ok) return { dibaca: false, jalur: 0 };
  const jalur = semuaJalur(lengkap.value);
  for (const j of jalur) {
    for (const kunci of [false, true]) {
      const a = posisiDariIndeks(ix, j, { kunci });
      const b = posisiNode(lengkap.doc, lengkap.lineCounter, j, { kunci });
      expect(a, `${j}${kunci ? ' (kunci)' : ''}`).toEqual(b);
    }
  }
  return { dibaca: true, jalur: jalur.length };
}

describe('fast positions = the yaml Document\'s', () => {
  it('reads the bundled data files (the ones validate reports located warnings in)', () => {
    const bawaan = berkas.filter((f) => f.startsWith('data/'));
    const dibaca = bawaan.filter((f) => bandingkan(readFileSync(path.join(akar, f), 'utf8')).dibaca);
    expect(dibaca.length).toBe(bawaan.length);
  });

  it.each(berkas.map((f) => [f]))('%s', (f) => {
    bandingkan(readFileSync(path.join(akar, f), 'utf8').replace(/^\uFEFF/, ''));
  });

  it.each([
    ['block map, seq at key indent, empty values', 'a: 1\nb:\n- x\n- { y: 2, z: [1, "k,l"] }\nc:\nd: ~\ne: null\n'],
    ['compact maps in items, quoted keys, comments', '# c\nx:\n  - kode: "1.2" # k\n    "pagu": 5\n  -   nama: a\n    # between\n  - \n'],
    ['multi-line plain and quoted scalars', 'a: satu dua\n  tiga empat\nb: "x\n  y"\nc: \'it\'\'s\'\n'],
    ['block scalars', 'a: |\n  teks\n\n  lagi\nb: >-\n  x\nc:\n  - |\n    d\n  - e\n'],
    ['years as keys and a leading document marker', '---\ntarget: { "2024": 1, 2025: 2 }\n"2026": 3\n'],
    ['a scalar document and an empty one', 'halo\n'],
    ['flow in flow with empty entries', 'a: { b: [], c: {}, d: , e: [ 1 , 2 ] }\n'],
  ])('%s', (_n, text) => {
    expect(bandingkan(text).dibaca).toBe(true);
  });

  it.each([
    ['tabs', 'a:\n\tb: 1\n'],
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['flow over lines', 'a: [1,\n  2]\n'],
    ['complex key', '? a\n: b\n'],
    ['numeric keys other than years', '1.5: a\n'],
    ['null key', '~: a\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
  ])('gives up on %s', (_n, text) => {
    expect(indeksPosisi(text)).toBeUndefined();
  });
});
