/**
 * The narrative sections of each document, read from the document templates themselves
 * (`templates/<dokumen>/depan.hbs` and `isi.hbs`): every `{{{narasi "<berkas>" tabel=".." grafik=".."}}}`
 * is one section, under the heading of the `depan` / `bab` / `subbab` / `lampiran` block around it.
 * The templates are the one source of truth: `lkjip validate` checks the narrative files against
 * this list, and data/README.md prints it (generated, see `dokumentasi.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { templatesDir } from './assets.js';
import { judulBagian } from './judul-renja.js';

type AST = hbs.AST.Program;

/** The documents with narrative, in the order they are built. */
export const DOKUMEN_BAGIAN = ['lkjip', 'renja'] as const;
export type DokumenBagian = (typeof DOKUMEN_BAGIAN)[number];

/** Template files of a document, in the order they print. */
const BERKAS_TEMPLAT = ['depan.hbs', 'isi.hbs'];

export interface BagianNarasi {
  dokumen: DokumenBagian;
  /** Narrative file name without `.md`: `bab-1.1-latar-belakang`. */
  berkas: string;
  /** Heading the section prints under: "1.1. LATAR BELAKANG" (chapter and sub-chapter joined by " > "). */
  judul: string;
  /** Tables and charts the section prints after its text (unless the narrative places them). */
  tabel: string[];
  grafik: string[];
}

/**
 * Another source of a section's text: when the narrative file is missing, the section prints this
 * part of a year file instead; when both exist, the narrative file wins.
 */
export interface SumberLain {
  /** File of the year folder: `renja.yaml`. */
  berkas: string;
  /** Key at the top of that file. */
  kunci: string;
}

export const SUMBER_LAIN: Readonly<Record<DokumenBagian, Readonly<Record<string, SumberLain>>>> = {
  lkjip: {},
  renja: { 'bab-4-penutup': { berkas: 'renja.yaml', kunci: 'penutup' } },
};

const require = createRequire(import.meta.url);
const parse = (text: string): AST =>
  (require('handlebars/dist/cjs/handlebars/compiler/base.js') as { parse: (t: string) => AST }).parse(text);

/** Text of a literal or the description of a computed heading (`judul.bab_2` -> its value in `judulView`). */
function teks(e: hbs.AST.Expression | undefined, judulView: Readonly<Record<string, string>>): string {
  if (!e) return '';
  if (e.type === 'StringLiteral' || e.type === 'NumberLiteral') return String((e as hbs.AST.StringLiteral).value);
  if (e.type === 'PathExpression') {
    const p = (e as hbs.AST.PathExpression).original;
    return judulView[p] ?? `(${p})`;
  }
  return '';
}

function hashTeks(h: hbs.AST.Hash | undefined, kunci: string): string[] {
  const pair = h?.pairs.find((p) => p.key === kunci);
  if (!pair || pair.value.type !== 'StringLiteral') return [];
  return String((pair.value as hbs.AST.StringLiteral).value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const BLOK_JUDUL = new Set(['depan', 'bab', 'subbab', 'lampiran']);

/** The heading a block prints: `bab "I" "PENDAHULUAN"` -> "BAB I PENDAHULUAN", `subbab "1.1." "X"` -> "1.1. X". */
function judulBlok(b: hbs.AST.BlockStatement, judulView: Readonly<Record<string, string>>): string {
  const nama = (b.path as hbs.AST.PathExpression).original;
  const [a, c] = b.params;
  if (nama === 'bab') return `BAB ${teks(a, judulView)} ${teks(c, judulView)}`.trim();
  if (nama === 'subbab') return `${teks(a, judulView)} ${teks(c, judulView)}`.trim();
  return teks(c, judulView) || teks(a, judulView);
}

function kumpulkan(prog: AST, dokumen: DokumenBagian, induk: string[], judulView: Readonly<Record<string, string>>, out: BagianNarasi[]): void {
  for (const s of prog.body) {
    if (s.type === 'BlockStatement') {
      const b = s as hbs.AST.BlockStatement;
      const nama = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
      const judul = BLOK_JUDUL.has(nama) ? [...induk, judulBlok(b, judulView)] : induk;
      kumpulkan(b.program, dokumen, judul, judulView, out);
      if (b.inverse) kumpulkan(b.inverse, dokumen, judul, judulView, out);
      continue;
    }
    if (s.type !== 'MustacheStatement') continue;
    const m = s as hbs.AST.MustacheStatement;
    if (m.path.type !== 'PathExpression' || (m.path as hbs.AST.PathExpression).original !== 'narasi') continue;
    const berkas = teks(m.params[0], judulView);
    if (!berkas) continue;
    out.push({ dokumen, berkas, judul: induk.join(' > '), tabel: hashTeks(m.hash, 'tabel'), grafik: hashTeks(m.hash, 'grafik') });
  }
}

const cache = new Map<string, BagianNarasi[]>();

/**
 * The narrative sections of a document in print order. `judulView` names headings the template
 * computes (`judul.bab_2` in the Renja: its text depends on Renja vs Perubahan Renja).
 */
export function daftarBagian(dokumen: DokumenBagian, judulView: Readonly<Record<string, string>> = {}): BagianNarasi[] {
  const kunci = `${dokumen}\0${JSON.stringify(judulView)}`;
  const ada = cache.get(kunci);
  if (ada) return ada;
  const out: BagianNarasi[] = [];
  for (const f of BERKAS_TEMPLAT) {
    const text = readFileSync(path.join(templatesDir(), dokumen, f), 'utf8');
    kumpulkan(parse(text), dokumen, [], judulView, out);
  }
  cache.set(kunci, out);
  return out;
}

/**
 * Texts of the headings a template computes (`judul.bab_2` ...) for a document of given data: the
 * Renja's depend on whether it is a Perubahan Renja and on the quarter evaluated.
 */
export function judulData(dokumen: DokumenBagian, opsi: { perubahan?: boolean; triwulan?: number | null } = {}): Record<string, string> {
  if (dokumen !== 'renja') return {};
  const j = judulBagian(opsi.perubahan ?? false, opsi.triwulan ?? null);
  return Object.fromEntries(Object.entries(j).map(([k, v]) => [`judul.${k}`, v]));
}
