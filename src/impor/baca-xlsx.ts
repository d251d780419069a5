/**
 * A small, strict reader of .xlsx workbooks (SpreadsheetML) for `lkjip impor`: sheet names and the
 * cells' values, nothing else. Workbooks come back from Excel, LibreOffice or WPS, so only what the
 * standard guarantees is relied on:
 * - shared strings (with rich-text runs, without phonetic runs), inline strings, numbers, booleans,
 *   error values, ISO date cells (t="d");
 * - a formula cell is read by its cached value (no formula is ever evaluated); one without a
 *   cached value is reported as such;
 * - a number shown with a date format (style numFmt) is a date, so a "12.5" that Indonesian Excel
 *   turned into 12 May is recognised as a date, not taken as 45424;
 * - `r` attributes may be missing (cells then follow each other), namespaces may be prefixed.
 * exceljs is not used for reading: it inflates the whole archive first and its reader is lenient
 * about content; here the zip is checked before anything is inflated (zip.ts).
 */
import { bacaEntri, GalatBuku, periksaZip, type EntriZip } from './zip.js';

export type SelBaca =
  /** `persen`: shown with a % format, so Excel keeps 89,6 % as 0.896. */
  | { jenis: 'angka'; nilai: number; rumus: boolean; persen?: boolean }
  | { jenis: 'teks'; nilai: string; rumus: boolean }
  | { jenis: 'boolean'; nilai: boolean; rumus: boolean }
  | { jenis: 'galat'; nilai: string; rumus: boolean }
  /** A date: `nilai` is ISO `YYYY-MM-DD`, `serial` the spreadsheet day number when it was one. */
  | { jenis: 'tanggal'; nilai: string; serial?: number; rumus: boolean }
  /** A formula saved without its result (some generators do that). */
  | { jenis: 'tanpa-hasil'; nilai: ''; rumus: true };

export interface LembarBaca {
  nama: string;
  /** row -> column -> cell (1-based). Empty cells are absent. */
  baris: Map<number, Map<number, SelBaca>>;
  maksBaris: number;
  /** `visible`, `hidden` or `veryHidden`. */
  keadaan: string;
}

export interface BukuBaca {
  /** Sheet names in workbook order. */
  nama: string[];
  lembar: Map<string, LembarBaca>;
}

const ENTITAS: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text: entities, numeric references, and OOXML's `_xHHHH_` escapes of control characters. */
export function dekodeTeks(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITAS[e] as string;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function atribut(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] as string, dekodeTeks(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** An attribute by local name (`r:id`, `ns2:id`), ignoring the namespace prefix. */
function atributLokal(a: Map<string, string>, lokal: string, denganPrefiks = false): string | undefined {
  for (const [k, v] of a) {
    const i = k.indexOf(':');
    if (i < 0 ? !denganPrefiks && k === lokal : k.slice(i + 1) === lokal && !k.startsWith('xmlns')) return v;
  }
  return undefined;
}

/** Every start tag of an element (any namespace prefix), with its attributes and inner text. */
function* elemen(xml: string, nama: string): Generator<{ atr: Map<string, string>; isi: string }> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${nama}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[A-Za-z_][\\w.-]*:)?${nama}>)`, 'g');
  for (const m of xml.matchAll(re)) yield { atr: atribut(m[1] ?? ''), isi: m[2] ?? '' };
}

/** Text of a string item: every `<t>` run, without phonetic (`<rPh>`) runs. */
function teksItem(isi: string): string {
  const bersih = isi.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  for (const t of elemen(bersih, 't')) out += dekodeTeks(t.isi);
  return out;
}

/** "K7" -> { kolom: 11, baris: 7 }. */
export function uraiAlamat(ref: string): { kolom: number; baris: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let kolom = 0;
  for (const ch of m[1] as string) kolom = kolom * 26 + (ch.charCodeAt(0) - 64);
  return { kolom, baris: Number(m[2]) };
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30). */
const FORMAT_TANGGAL_BAWAAN = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Built-in percent formats (ECMA-376 18.8.30). */
const FORMAT_PERSEN_BAWAAN = new Set([9, 10]);

/** Whether a format code shows the value as a percentage (a % outside quotes and escapes). */
export function formatPersen(kode: string): boolean {
  return /%/.test(kode.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** Whether a custom format code shows a date: d, m, y, h or s outside quotes, brackets and escapes. */
export function formatTanggal(kode: string): boolean {
  const inti = kode
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  return /[dmyhs]/i.test(inti) && !/^general$/i.test(inti.trim());
}

function keIso(serial: number, basis1904: boolean): string {
  const dasar = basis1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(dasar + Math.round(serial * 86400) * 1000);
  return d.toISOString().slice(0, 10);
}

function gabungPath(dasar: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const bagian = dasar.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') bagian.pop();
    else if (s !== '.' && s !== '') bagian.push(s);
  }
  return bagian.join('/');
}

function relasi(xml: string | undefined, dasar: string): { id: string; tipe: string; target: string }[] {
  if (!xml) return [];
  return [...elemen(xml, 'Relationship')].map(({ atr }) => ({
    id: atr.get('Id') ?? '',
    tipe: atr.get('Type') ?? '',
    target: gabungPath(dasar, atr.get('Target') ?? ''),
  }));
}

/**
 * Reads a workbook. `hanya` limits the sheets whose cells are read (others are listed by name).
 * Throws GalatBuku when the file is not a readable .xlsx.
 */
export function bacaXlsx(buf: Uint8Array, hanya?: ReadonlySet<string>): BukuBaca {
  const entri = periksaZip(buf);
  const perNama = new Map<string, EntriZip>(entri.map((e) => [e.nama.replace(/\\/g, '/'), e]));
  const baca = (nama: string): string | undefined => {
    const e = perNama.get(nama) ?? [...perNama.entries()].find(([k]) => k.toLowerCase() === nama.toLowerCase())?.[1];
    return e ? bacaEntri(buf, e).toString('utf8') : undefined;
  };
  const akarRel = relasi(baca('_rels/.rels'), '');
  const pathBuku = akarRel.find((r) => /\/officeDocument$/.test(r.tipe))?.target ?? 'xl/workbook.xml';
  const bukuXml = baca(pathBuku);
  if (!bukuXml) throw new GalatBuku('bukan-xlsx', 'arsip ini bukan buku kerja Excel (workbook.xml tidak ada); mungkin dokumen Word/ODS atau arsip zip lain');
  const dasarRel = pathBuku.replace(/[^/]*$/, '');
  const rel = relasi(baca(`${dasarRel}_rels/${pathBuku.split('/').pop()}.rels`), pathBuku);
  const basis1904 = /date1904\s*=\s*["'](1|true)["']/.test(/<(?:\w+:)?workbookPr\b[^>]*>/.exec(bukuXml)?.[0] ?? '');

  const shared: string[] = [];
  const pathShared = rel.find((r) => /\/sharedStrings$/.test(r.tipe))?.target;
  const sharedXml = pathShared ? baca(pathShared) : undefined;
  if (sharedXml) for (const si of elemen(sharedXml, 'si')) shared.push(teksItem(si.isi));

  const gayaTanggal = new Set<number>();
  const gayaPersen = new Set<number>();
  const pathGaya = rel.find((r) => /\/styles$/.test(r.tipe))?.target;
  const gayaXml = pathGaya ? baca(pathGaya) : undefined;
  if (gayaXml) {
    const kustom = new Map<number, string>();
    for (const f of elemen(gayaXml, 'numFmt')) kustom.set(Number(f.atr.get('numFmtId')), f.atr.get('formatCode') ?? '');
    const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(gayaXml)?.[1] ?? '';
    let i = 0;
    for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
      const id = Number(atribut(m[1] ?? '').get('numFmtId') ?? 0);
      const kode = kustom.get(id);
      if (kode !== undefined ? formatTanggal(kode) : FORMAT_TANGGAL_BAWAAN.has(id)) gayaTanggal.add(i);
      else if (kode !== undefined ? formatPersen(kode) : FORMAT_PERSEN_BAWAAN.has(id)) gayaPersen.add(i);
      i++;
    }
  }

  const nama: string[] = [];
  const lembar = new Map<string, LembarBaca>();
  for (const s of elemen(bukuXml, 'sheet')) {
    const n = s.atr.get('name') ?? '';
    nama.push(n);
    if (hanya && !hanya.has(n)) continue;
    const rid = atributLokal(s.atr, 'id', true);
    const target = rel.find((r) => r.id === rid)?.target;
    const xml = target ? baca(target) : undefined;
    if (xml === undefined) throw new GalatBuku('rusak', `isi lembar "${n}" tidak ditemukan di arsip`);
    lembar.set(n, bacaLembar(n, xml, shared, { tanggal: gayaTanggal, persen: gayaPersen }, basis1904, s.atr.get('state') ?? 'visible'));
  }
  return { nama, lembar };
}

/** One attribute of a start tag (fast path for the cells, which are most of a sheet). */
function atributTag(tag: string, nama: string): string | undefined {
  let i = tag.indexOf(`${nama}=`);
  while (i >= 0) {
    const sebelum = tag[i - 1];
    if (i === 0 || sebelum === ' ' || sebelum === '\t' || sebelum === '\n' || sebelum === '\r') {
      const kutip = tag[i + nama.length + 1];
      if (kutip === '"' || kutip === "'") {
        const akhir = tag.indexOf(kutip, i + nama.length + 2);
        return dekodeTeks(tag.slice(i + nama.length + 2, akhir));
      }
    }
    i = tag.indexOf(`${nama}=`, i + 1);
  }
  return undefined;
}

const RE_BARIS = /<(?:[\w.-]+:)?row(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const RE_SEL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;

interface Gaya {
  tanggal: Set<number>;
  persen: Set<number>;
}

function bacaLembar(nama: string, xml: string, shared: string[], gaya: Gaya, basis1904: boolean, keadaan: string): LembarBaca {
  const data = /<(?:\w+:)?sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/.exec(xml)?.[1] ?? '';
  const baris = new Map<number, Map<number, SelBaca>>();
  let maksBaris = 0;
  let r = 0;
  for (const row of data.matchAll(RE_BARIS)) {
    r = Number(atributTag(row[1] ?? '', 'r') ?? r + 1);
    let k = 0;
    const sel = new Map<number, SelBaca>();
    for (const c of (row[2] ?? '').matchAll(RE_SEL)) {
      const tag = c[1] ?? '';
      const alamat = atributTag(tag, 'r');
      const posisi = alamat ? uraiAlamat(alamat) : undefined;
      k = posisi?.kolom ?? k + 1;
      const isi = c[2] ?? '';
      if (isi === '') continue;
      const nilai = nilaiSel(atributTag(tag, 't') ?? 'n', Number(atributTag(tag, 's') ?? 0), isi, shared, gaya, basis1904);
      if (nilai) sel.set(k, nilai);
    }
    if (sel.size > 0) {
      baris.set(r, sel);
      maksBaris = Math.max(maksBaris, r);
    }
  }
  return { nama, baris, maksBaris, keadaan };
}

function nilaiSel(t: string, s: number, isi: string, shared: string[], gaya: Gaya, basis1904: boolean): SelBaca | undefined {
  const rumus = /<(?:[\w.-]+:)?f\b/.test(isi);
  const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(isi)?.[1];
  if (t === 'inlineStr') {
    const is = /<(?:[\w.-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is>/.exec(isi)?.[1];
    const teks = is !== undefined ? teksItem(is) : v !== undefined ? dekodeTeks(v) : '';
    return teks === '' ? undefined : { jenis: 'teks', nilai: teks, rumus };
  }
  if (v === undefined) return rumus ? { jenis: 'tanpa-hasil', nilai: '', rumus: true } : undefined;
  const teks = dekodeTeks(v);
  switch (t) {
    case 's': {
      const str = shared[Number(teks)];
      return str === undefined || str === '' ? undefined : { jenis: 'teks', nilai: str, rumus };
    }
    case 'str':
      return teks === '' ? undefined : { jenis: 'teks', nilai: teks, rumus };
    case 'b':
      return { jenis: 'boolean', nilai: teks === '1' || teks.toLowerCase() === 'true', rumus };
    case 'e':
      return { jenis: 'galat', nilai: teks, rumus };
    case 'd':
      return { jenis: 'tanggal', nilai: teks.slice(0, 10), rumus };
    default: {
      if (teks.trim() === '') return rumus ? { jenis: 'tanpa-hasil', nilai: '', rumus: true } : undefined;
      const n = Number(teks);
      if (!Number.isFinite(n)) return { jenis: 'galat', nilai: teks, rumus };
      if (gaya.tanggal.has(s)) return { jenis: 'tanggal', nilai: keIso(n, basis1904), serial: n, rumus };
      return gaya.persen.has(s) ? { jenis: 'angka', nilai: n, rumus, persen: true } : { jenis: 'angka', nilai: n, rumus };
    }
  }
}
