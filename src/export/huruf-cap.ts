/**
 * The project face as a PDF font for text written into a printed PDF (the page numbers of the
 * Daftar Isi, Daftar Tabel and Daftar Gambar, see cap-toc.ts).
 *
 * The font comes from the same @fontsource/arimo files the documents use (WOFF 1.0: zlib-deflated
 * TrueType tables, unpacked here with Node's zlib). Only the glyphs of the few characters a page
 * label can hold are kept (digits and lower-case roman numerals), the others emptied in place so
 * glyph ids do not change; the result is embedded as a simple TrueType font with WinAnsiEncoding
 * (FontFile2): what every PDF reader and text extractor understands, a few kilobytes per weight,
 * and the same bytes every time (no time stamp, no random subset tag).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFName, PDFNumber, type PDFContext, type PDFRef } from 'pdf-lib';
import { fontPackageDir } from '../render/assets.js';

/** Characters a page label is made of (pageLabel in page-numbers.ts: digits or lower roman). */
export const KARAKTER_LABEL = '0123456789cdilmvx';

export interface GayaHuruf {
  tebal: boolean;
  miring: boolean;
}

/** A TrueType font as its tables, with the few look-ups the stamping needs. */
export interface HurufTtf {
  tabel: Map<string, Uint8Array>;
  unitsPerEm: number;
  /** Glyph id of a character (0 when the font has none). */
  glyph(karakter: string): number;
  /** Advance width of a glyph, in font units. */
  lebarGlyph(gid: number): number;
}

/** Unpacks a WOFF 1.0 file into its TrueType tables. */
export function bacaWoff(data: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.toString('latin1', 0, 4) !== 'wOFF') throw new Error('bukan berkas WOFF');
  const jumlah = b.readUInt16BE(12);
  const tabel = new Map<string, Uint8Array>();
  for (let i = 0; i < jumlah; i++) {
    const o = 44 + 20 * i;
    const tag = b.toString('latin1', o, o + 4);
    const offset = b.readUInt32BE(o + 4);
    const panjang = b.readUInt32BE(o + 8);
    const asli = b.readUInt32BE(o + 12);
    const isi = b.subarray(offset, offset + panjang);
    tabel.set(tag, panjang < asli ? new Uint8Array(inflateSync(isi)) : new Uint8Array(isi));
  }
  return tabel;
}

const dv = (t: Uint8Array): DataView => new DataView(t.buffer, t.byteOffset, t.byteLength);

function wajib(tabel: Map<string, Uint8Array>, tag: string): DataView {
  const t = tabel.get(tag);
  if (!t) throw new Error(`tabel ${tag} tidak ada di huruf`);
  return dv(t);
}

export function bacaTtf(tabel: Map<string, Uint8Array>): HurufTtf {
  const head = wajib(tabel, 'head');
  const hhea = wajib(tabel, 'hhea');
  const hmtx = wajib(tabel, 'hmtx');
  const cmap = wajib(tabel, 'cmap');
  const nMetrik = hhea.getUint16(34);
  // cmap: the Windows Unicode BMP subtable (format 4), which every TrueType font for the web has.
  let format4 = -1;
  for (let i = 0, n = cmap.getUint16(2); i < n; i++) {
    const platform = cmap.getUint16(4 + 8 * i);
    const encoding = cmap.getUint16(6 + 8 * i);
    const offset = cmap.getUint32(8 + 8 * i);
    if (((platform === 3 && encoding === 1) || platform === 0) && cmap.getUint16(offset) === 4) format4 = offset;
  }
  if (format4 < 0) throw new Error('huruf tanpa cmap format 4');
  const segX2 = cmap.getUint16(format4 + 6);
  const akhir = format4 + 14;
  const awal = akhir + segX2 + 2;
  const delta = awal + segX2;
  const rangeOffset = delta + segX2;
  const glyph = (karakter: string): number => {
    const kode = karakter.codePointAt(0) ?? 0;
    for (let s = 0; s < segX2; s += 2) {
      if (kode > cmap.getUint16(akhir + s)) continue;
      const mulai = cmap.getUint16(awal + s);
      if (kode < mulai) return 0;
      const ro = cmap.getUint16(rangeOffset + s);
      if (ro === 0) return (kode + cmap.getInt16(delta + s)) & 0xffff;
      const g = cmap.getUint16(rangeOffset + s + ro + 2 * (kode - mulai));
      return g === 0 ? 0 : (g + cmap.getInt16(delta + s)) & 0xffff;
    }
    return 0;
  };
  return {
    tabel,
    unitsPerEm: head.getUint16(18),
    glyph,
    lebarGlyph: (gid) => hmtx.getUint16(4 * Math.min(gid, nMetrik - 1)),
  };
}

/**
 * The font with only the outlines of `karakter` (and of the components of composite glyphs, and
 * .notdef) left in `glyf`; every glyph keeps its id, so `cmap` and `hmtx` stay as they are. Layout
 * tables no reader of a PDF uses (GSUB, GPOS, GDEF, STAT) are dropped.
 */
export function subsetTtf(f: HurufTtf, karakter: string): Uint8Array {
  const head = new Uint8Array(f.tabel.get('head') as Uint8Array);
  const panjangLoca = dv(head).getInt16(50) === 0 ? 2 : 4;
  const loca = wajib(f.tabel, 'loca');
  const glyf = f.tabel.get('glyf') as Uint8Array;
  const numGlyphs = wajib(f.tabel, 'maxp').getUint16(4);
  const rentang = (g: number): [number, number] =>
    panjangLoca === 2 ? [loca.getUint16(2 * g) * 2, loca.getUint16(2 * g + 2) * 2] : [loca.getUint32(4 * g), loca.getUint32(4 * g + 4)];
  const simpan = new Set<number>([0]);
  const tambah = (g: number): void => {
    if (simpan.has(g) || g >= numGlyphs) return;
    simpan.add(g);
    const [a, z] = rentang(g);
    if (z - a < 10) return;
    const d = dv(glyf.subarray(a, z));
    if (d.getInt16(0) >= 0) return;
    // A composite glyph: keep its components too.
    let o = 10;
    for (;;) {
      const flags = d.getUint16(o);
      tambah(d.getUint16(o + 2));
      o += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) break;
    }
  };
  for (const k of karakter) tambah(f.glyph(k));
  const potong: Uint8Array[] = [];
  const locaBaru = new DataView(new ArrayBuffer(4 * (numGlyphs + 1)));
  let pos = 0;
  for (let g = 0; g < numGlyphs; g++) {
    locaBaru.setUint32(4 * g, pos);
    if (!simpan.has(g)) continue;
    const [a, z] = rentang(g);
    const isi = glyf.subarray(a, z);
    const pad = (4 - (isi.length % 4)) % 4;
    potong.push(isi, new Uint8Array(pad));
    pos += isi.length + pad;
  }
  locaBaru.setUint32(4 * numGlyphs, pos);
  dv(head).setInt16(50, 1); // long loca offsets
  dv(head).setUint32(8, 0); // checkSumAdjustment: recomputed below
  const tabel = new Map<string, Uint8Array>();
  for (const [tag, isi] of f.tabel) if (!['GSUB', 'GPOS', 'GDEF', 'STAT', 'DSIG'].includes(tag)) tabel.set(tag, isi);
  tabel.set('head', head);
  tabel.set('loca', new Uint8Array(locaBaru.buffer));
  tabel.set('glyf', gabung(potong));
  return tulisSfnt(tabel);
}

function gabung(bagian: Uint8Array[]): Uint8Array {
  const hasil = new Uint8Array(bagian.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of bagian) {
    hasil.set(b, o);
    o += b.length;
  }
  return hasil;
}

function checksum(isi: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(isi.length / 4) * 4);
  padded.set(isi);
  const d = dv(padded);
  let s = 0;
  for (let i = 0; i < padded.length; i += 4) s = (s + d.getUint32(i)) >>> 0;
  return s;
}

/** A TrueType file (sfnt) from its tables, in tag order, with checksums. */
export function tulisSfnt(tabel: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tabel.keys()].sort();
  const n = tags.length;
  let pangkat = 1;
  while (pangkat * 2 <= n) pangkat *= 2;
  const kepala = new DataView(new ArrayBuffer(12 + 16 * n));
  kepala.setUint32(0, 0x00010000);
  kepala.setUint16(4, n);
  kepala.setUint16(6, pangkat * 16);
  kepala.setUint16(8, Math.log2(pangkat));
  kepala.setUint16(10, n * 16 - pangkat * 16);
  const bagian: Uint8Array[] = [new Uint8Array(kepala.buffer)];
  let offset = 12 + 16 * n;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const isi = tabel.get(tag) as Uint8Array;
    const o = 12 + 16 * i;
    for (let k = 0; k < 4; k++) kepala.setUint8(o + k, tag.charCodeAt(k));
    kepala.setUint32(o + 4, checksum(isi));
    kepala.setUint32(o + 8, offset);
    kepala.setUint32(o + 12, isi.length);
    if (tag === 'head') headOffset = offset;
    const pad = (4 - (isi.length % 4)) % 4;
    bagian.push(isi, new Uint8Array(pad));
    offset += isi.length + pad;
  });
  const hasil = gabung(bagian);
  if (tabel.has('head')) dv(hasil).setUint32(headOffset + 8, (0xb1b0afba - checksum(hasil)) >>> 0);
  return hasil;
}

/** A font embedded in one PDF document. */
export interface HurufPdf {
  ref: PDFRef;
}

const cacheTtf = new Map<string, HurufTtf>();

/** Arimo of one weight and style from the installed font package (latin subset: digits and a-z). */
export function hurufArimo(gaya: GayaHuruf, fontDir = fontPackageDir()): HurufTtf {
  const nama = `arimo-latin-${gaya.tebal ? 700 : 400}-${gaya.miring ? 'italic' : 'normal'}.woff`;
  let f = cacheTtf.get(nama);
  if (!f) cacheTtf.set(nama, (f = bacaTtf(bacaWoff(readFileSync(join(fontDir, 'files', nama))))));
  return f;
}

/** PostScript name as the font's own name table gives it for each style of Arimo. */
const namaPostScript = (g: GayaHuruf): string => `Arimo-${g.tebal ? (g.miring ? 'BoldItalic' : 'Bold') : g.miring ? 'Italic' : 'Regular'}`;

/**
 * Embeds Arimo of `gaya`, subset to `karakter`, into `context` as a simple TrueType font with
 * WinAnsiEncoding. `tag` (six capitals) names the subset, as PDF wants (`LKJTOC+Arimo-Bold`).
 */
export function sematkanArimo(context: PDFContext, gaya: GayaHuruf, tag: string, karakter = KARAKTER_LABEL): HurufPdf {
  const f = hurufArimo(gaya);
  const upem = f.unitsPerEm;
  // Exact (not rounded) metrics, as Chromium writes them for its own Arimo: text extractors then
  // give a stamped number the same box as the text around it.
  const per1000 = (v: number): number => Math.round((v * 1000 * 100000) / upem) / 100000;
  const head = wajib(f.tabel, 'head');
  const hhea = wajib(f.tabel, 'hhea');
  const post = wajib(f.tabel, 'post');
  const os2 = f.tabel.has('OS/2') ? wajib(f.tabel, 'OS/2') : undefined;
  const ttf = subsetTtf(f, karakter);
  const kode = [...karakter].map((k) => k.charCodeAt(0));
  const pertama = Math.min(...kode);
  const terakhir = Math.max(...kode);
  const lebar: number[] = [];
  for (let c = pertama; c <= terakhir; c++) lebar.push(karakter.includes(String.fromCharCode(c)) ? per1000(f.lebarGlyph(f.glyph(String.fromCharCode(c)))) : 0);
  const fontFile = context.flateStream(ttf, { Length1: ttf.length });
  const fontFileRef = context.register(fontFile);
  const nama = `${tag}+${namaPostScript(gaya)}`;
  const italic = post.getInt32(4) / 65536;
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: nama,
    // Nonsymbolic (32): the characters are Latin, found through the font's Unicode cmap.
    Flags: 32 + (gaya.miring ? 64 : 0),
    FontBBox: [per1000(head.getInt16(36)), per1000(head.getInt16(38)), per1000(head.getInt16(40)), per1000(head.getInt16(42))],
    ItalicAngle: italic,
    Ascent: per1000(hhea.getInt16(4)),
    Descent: per1000(hhea.getInt16(6)),
    CapHeight: per1000(os2 && os2.getUint16(0) >= 2 ? os2.getInt16(88) : hhea.getInt16(4)),
    StemV: gaya.tebal ? 120 : 80,
    FontFile2: fontFileRef,
  });
  const font = context.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: nama,
    FirstChar: pertama,
    LastChar: terakhir,
    Widths: lebar.map((w) => PDFNumber.of(w)),
    FontDescriptor: context.register(descriptor),
    Encoding: PDFName.of('WinAnsiEncoding'),
  });
  return { ref: context.register(font) };
}
