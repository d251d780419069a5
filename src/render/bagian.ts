/**
 * The narrative sections of each document, read from the document templates themselves
 * (`templates/<dokumen>/depan.hbs` and `isi.hbs`): every `{{{narasi "<berkas>" tabel=".." grafik=".."}}}`
 * is one section, under the heading of the `depan` / `bab` / `subbab` / `lampiran` block around it.
 * The templates are the one source of truth: `lkjip validate` checks the narrative files against
 * this list, and data/README.md prints it (generated, see `dokumentasi.ts`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot, templatesDir } from './assets.js';
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

/** A heading as the template writes it: literal text, or a view path the renderer fills (`judul.bab_2`). */
type Segmen = string | { path: string };

/** A section as read from the templates, before computed headings are named. */
interface BagianMentah {
  berkas: string;
  /** One entry per enclosing heading block, outermost first; each a list of text pieces. */
  judul: Segmen[][];
  tabel: string[];
  grafik: string[];
}

function teks(e: hbs.AST.Expression | undefined): Segmen {
  if (!e) return '';
  if (e.type === 'StringLiteral' || e.type === 'NumberLiteral') return String((e as hbs.AST.StringLiteral).value);
  if (e.type === 'PathExpression') return { path: (e as hbs.AST.PathExpression).original };
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
function judulBlok(b: hbs.AST.BlockStatement): Segmen[] {
  const nama = (b.path as hbs.AST.PathExpression).original;
  const [a, c] = b.params;
  if (nama === 'bab') return ['BAB ', teks(a), ' ', teks(c)];
  if (nama === 'subbab') return [teks(a), ' ', teks(c)];
  return [teks(c) || teks(a)];
}

function kumpulkan(prog: AST, induk: Segmen[][], out: BagianMentah[]): void {
  for (const s of prog.body) {
    if (s.type === 'BlockStatement') {
      const b = s as hbs.AST.BlockStatement;
      const nama = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
      const judul = BLOK_JUDUL.has(nama) ? [...induk, judulBlok(b)] : induk;
      kumpulkan(b.program, judul, out);
      if (b.inverse) kumpulkan(b.inverse, judul, out);
      continue;
    }
    if (s.type !== 'MustacheStatement') continue;
    const m = s as hbs.AST.MustacheStatement;
    if (m.path.type !== 'PathExpression' || (m.path as hbs.AST.PathExpression).original !== 'narasi') continue;
    const berkas = teks(m.params[0]);
    if (typeof berkas !== 'string' || !berkas) continue;
    out.push({ berkas, judul: induk, tabel: hashTeks(m.hash, 'tabel'), grafik: hashTeks(m.hash, 'grafik') });
  }
}

function teksTemplat(dokumen: DokumenBagian): string[] {
  return BERKAS_TEMPLAT.map((f) => readFileSync(path.join(templatesDir(), dokumen, f), 'utf8'));
}

/** Reads a document's sections from its templates with the Handlebars parser. */
export function bacaBagianTemplat(dokumen: DokumenBagian, teksFile = teksTemplat(dokumen)): BagianMentah[] {
  const out: BagianMentah[] = [];
  for (const t of teksFile) kumpulkan(parse(t), [], out);
  return out;
}

/** Fingerprint of the templates a stored section list was read from. */
export function sidikTemplat(teksFile: Record<DokumenBagian, string[]>): string {
  const h = createHash('sha256');
  for (const d of DOKUMEN_BAGIAN) for (const t of teksFile[d]) h.update(`${d}\0${t}\0`);
  return h.digest('hex');
}

/** File the build writes the section lists to (`npm run build`), so a run need not parse templates. */
export const BERKAS_BAGIAN = 'bagian-templat.json';

/**
 * The raw section lists: from dist/bagian-templat.json when it was made from these very
 * templates, otherwise read from the templates (a changed template is always read afresh).
 */
let mentah: Record<DokumenBagian, BagianMentah[]> | undefined;
function semuaMentah(): Record<DokumenBagian, BagianMentah[]> {
  if (mentah) return mentah;
  const teksFile = { lkjip: teksTemplat('lkjip'), renja: teksTemplat('renja') };
  const sidik = sidikTemplat(teksFile);
  try {
    const simpan = JSON.parse(readFileSync(path.join(projectRoot(), 'dist', BERKAS_BAGIAN), 'utf8')) as { sidik: string; bagian: Record<DokumenBagian, BagianMentah[]> };
    if (simpan.sidik === sidik) return (mentah = simpan.bagian);
  } catch {
    // not built, or unreadable: read the templates
  }
  return (mentah = { lkjip: bacaBagianTemplat('lkjip', teksFile.lkjip), renja: bacaBagianTemplat('renja', teksFile.renja) });
}

/** What the build stores: the raw lists with the fingerprint of the templates they came from. */
export function bagianUntukDisimpan(): { sidik: string; bagian: Record<DokumenBagian, BagianMentah[]> } {
  const teksFile = { lkjip: teksTemplat('lkjip'), renja: teksTemplat('renja') };
  return { sidik: sidikTemplat(teksFile), bagian: { lkjip: bacaBagianTemplat('lkjip', teksFile.lkjip), renja: bacaBagianTemplat('renja', teksFile.renja) } };
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
  const nama = (g: Segmen): string => (typeof g === 'string' ? g : judulView[g.path] ?? `(${g.path})`);
  const out = semuaMentah()[dokumen].map((b) => ({
    dokumen,
    berkas: b.berkas,
    judul: b.judul.map((segmen) => segmen.map(nama).join('').trim()).join(' > '),
    tabel: b.tabel,
    grafik: b.grafik,
  }));
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
