/**
 * Pictures from the data folder: the lambang of opd.yaml and the images of the narrative Markdown
 * (`![Struktur Organisasi](gambar/struktur.png)`). Every picture is read here, at the loading end of
 * the pipeline, and checked before anything embeds it:
 *
 * - it is named by a path inside the data folder, relative to the file that names it (no URL, no
 *   absolute path, no `..` out of the folder, no symbolic link pointing outside it);
 * - its content is PNG, JPEG or SVG by its first bytes, and its extension says the same;
 * - it is at most BATAS_GAMBAR.byte bytes and BATAS_GAMBAR.sisi pixels on a side;
 * - an SVG loads nothing and runs nothing: no script, no event handler, no <foreignObject>, no
 *   DOCTYPE or entity, no reference to another file or address (only `#id` and `data:` images).
 *
 * The documents embed the bytes as `data:` URIs, so the HTML stays one portable file and the print
 * page never has to open a data file.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import { tampilkanUkuran } from './batas.js';
import { fileOf, tampilanPath, type Loaded } from './load-data.js';

export const BATAS_GAMBAR = {
  /** Bytes of one picture: a sharp A4 scan as PNG is well under 1 MB. */
  byte: 2 * 1024 * 1024,
  /** Pixels on the longer side: 300 dpi over an A4 page's length is about 3500. */
  sisi: 5000,
} as const;

export type JenisGambar = 'png' | 'jpeg' | 'svg';

export const MIME_GAMBAR: Record<JenisGambar, string> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

export interface GambarTerbaca {
  jenis: JenisGambar;
  /** Path relative to the data folder, with `/`. */
  rel: string;
  data: Buffer;
  /** Pixel size of a raster picture. */
  lebar?: number;
  tinggi?: number;
}

export type MasalahGambar =
  | { kode: 'LKJ320'; dicari: string }
  | { kode: 'LKJ321'; sebab: string }
  | { kode: 'LKJ322'; jenis: string }
  | { kode: 'LKJ323'; ukuran: string; batas: string }
  | { kode: 'LKJ324'; piksel: string; batas: string }
  | { kode: 'LKJ325'; temuan: string }
  | { kode: 'LKJ326'; detail: string };

export type HasilGambar = { ok: true; gambar: GambarTerbaca } | { ok: false; masalah: MasalahGambar };

// ---------------------------------------------------------------------------------------------
// Paths

/**
 * The data-folder path of picture `src` written in the file `asal` (both relative to the data
 * folder, with `/`): resolved against the folder of `asal`, like a link in Markdown. Refused: an
 * address (`http:`, `file:`, `data:`), an absolute path, and a path that leaves the data folder.
 */
export function jalurGambar(asal: string, src: string): { ok: true; rel: string } | { ok: false; masalah: MasalahGambar } {
  let s = src.trim();
  try {
    s = decodeURI(s);
  } catch {
    // not percent-encoded: used as written
  }
  s = s.replace(/\\/g, '/');
  if (s === '') return { ok: false, masalah: { kode: 'LKJ320', dicari: '(jalur kosong)' } };
  if (/^[a-z]:\//i.test(s) || s.startsWith('/')) return { ok: false, masalah: { kode: 'LKJ321', sebab: 'jalurnya absolut' } };
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return { ok: false, masalah: { kode: 'LKJ321', sebab: `alamat ${s.split(':')[0]!.toLowerCase()}: bukan berkas di folder data` } };
  const rel = path.posix.normalize(path.posix.join(path.posix.dirname(asal), s));
  if (rel === '..' || rel.startsWith('../')) return { ok: false, masalah: { kode: 'LKJ321', sebab: 'jalurnya keluar dari folder data (..)' } };
  return { ok: true, rel };
}

// ---------------------------------------------------------------------------------------------
// Content

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function mulaiDengan(buf: Uint8Array, awal: readonly number[]): boolean {
  return awal.every((b, i) => buf[i] === b);
}

/** Width and height from the PNG IHDR chunk, or a reason the header is broken. */
function ukuranPng(buf: Buffer): { lebar: number; tinggi: number } | string {
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') return 'kepala PNG (IHDR) tidak ada atau terpotong';
  const lebar = buf.readUInt32BE(16);
  const tinggi = buf.readUInt32BE(20);
  if (lebar === 0 || tinggi === 0) return 'ukuran PNG 0 piksel';
  return { lebar, tinggi };
}

/** Width and height from a JPEG's start-of-frame segment, walking the segments from the start. */
function ukuranJpeg(buf: Buffer): { lebar: number; tinggi: number } | string {
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) return 'segmen JPEG rusak';
    const penanda = buf[i + 1]!;
    if (penanda === 0xff) {
      i++;
      continue;
    }
    if (penanda === 0xd8 || penanda === 0x01 || (penanda >= 0xd0 && penanda <= 0xd7)) {
      i += 2;
      continue;
    }
    if (penanda === 0xd9 || penanda === 0xda) break;
    const panjang = buf.readUInt16BE(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (penanda >= 0xc0 && penanda <= 0xcf && penanda !== 0xc4 && penanda !== 0xc8 && penanda !== 0xcc) {
      if (i + 9 > buf.length) break;
      const tinggi = buf.readUInt16BE(i + 5);
      const lebar = buf.readUInt16BE(i + 7);
      if (lebar === 0 || tinggi === 0) return 'ukuran JPEG 0 piksel';
      return { lebar, tinggi };
    }
    i += 2 + panjang;
  }
  return 'ukuran gambar JPEG tidak ditemukan (berkas terpotong?)';
}

/** What a file that is not PNG, JPEG or SVG looks like, for the message. */
function tebakJenis(buf: Buffer): string {
  if (buf.length === 0) return 'kosong (0 byte)';
  if (buf.toString('latin1', 0, 6) === 'GIF87a' || buf.toString('latin1', 0, 6) === 'GIF89a') return 'berformat GIF';
  if (buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'berformat WebP';
  if (buf.toString('latin1', 0, 2) === 'BM') return 'berformat BMP';
  if (buf.toString('latin1', 0, 5) === '%PDF-') return 'sebuah PDF';
  if (buf.toString('latin1', 0, 4) === 'PK\x03\x04') return 'sebuah arsip ZIP/dokumen Office';
  if (/^\s*<(!doctype\s+html|html)/i.test(buf.toString('utf8', 0, 200))) return 'sebuah halaman HTML';
  return 'bukan gambar yang dikenali dari isinya';
}

/** An SVG file: the root element after the optional XML declaration and comments. */
function adalahSvg(teks: string): boolean {
  const tanpaProlog = teks
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[\s\S]*?\?>/, '')
    .replace(/^(\s*<!--[\s\S]*?-->)*/, '')
    .replace(/^\s*<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '')
    .replace(/^(\s*<!--[\s\S]*?-->)*/, '');
  return /^\s*<svg[\s>]/i.test(tanpaProlog);
}

const RUJUKAN_DALAM = /^(#|data:image\/(png|jpeg|gif|webp);base64,)/i;

/**
 * What an SVG holds that could run or load something; empty for a safe SVG. The document embeds
 * pictures through <img>, where a browser runs no script and loads nothing anyway: these checks
 * make an unsafe file an error the author sees, instead of a picture that silently lost parts.
 */
export function periksaSvg(teks: string): string[] {
  const temuan = new Set<string>();
  if (/<!DOCTYPE|<!ENTITY/i.test(teks)) temuan.add('deklarasi DOCTYPE/ENTITY');
  if (/<\?xml-stylesheet/i.test(teks)) temuan.add('lembar gaya dari luar (<?xml-stylesheet?>)');
  if (/<script[\s>/]/i.test(teks)) temuan.add('elemen <script>');
  if (/<foreignObject[\s>/]/i.test(teks)) temuan.add('elemen <foreignObject>');
  if (/<(iframe|embed|object|audio|video)[\s>/]/i.test(teks)) temuan.add('elemen <iframe>/<embed>/<object>/<audio>/<video>');
  const peristiwa = /\s(on[a-z]+)\s*=/gi.exec(teks);
  if (peristiwa) temuan.add(`atribut penangan peristiwa ${peristiwa[1]}=`);
  if (/javascript:/i.test(teks)) temuan.add('alamat javascript:');
  for (const m of teks.matchAll(/\s(?:[a-z]+:)?(href|src)\s*=\s*(["'])([\s\S]*?)\2/gi)) {
    if (!RUJUKAN_DALAM.test(m[3]!.trim())) temuan.add(`rujukan ke luar berkas (${m[1]}="${m[3]!.slice(0, 60)}")`);
  }
  for (const m of teks.matchAll(/url\(\s*(["']?)([\s\S]*?)\1\s*\)/gi)) {
    if (!RUJUKAN_DALAM.test(m[2]!.trim()) && !/^data:font\//i.test(m[2]!.trim())) temuan.add(`url(${m[2]!.slice(0, 60)}) ke luar berkas`);
  }
  if (/@import/i.test(teks)) temuan.add('@import');
  return [...temuan];
}

const EKSTENSI: Record<string, JenisGambar> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.svg': 'svg' };
const NAMA_JENIS: Record<JenisGambar, string> = { png: 'PNG', jpeg: 'JPEG', svg: 'SVG' };

/** Checks the bytes of a picture named `rel`: type by content and extension, size, SVG safety. */
export function periksaIsiGambar(rel: string, data: Buffer): HasilGambar {
  const gagal = (masalah: MasalahGambar): HasilGambar => ({ ok: false, masalah });
  if (data.length > BATAS_GAMBAR.byte) return gagal({ kode: 'LKJ323', ukuran: tampilkanUkuran(data.length), batas: tampilkanUkuran(BATAS_GAMBAR.byte) });
  let jenis: JenisGambar | null = null;
  if (mulaiDengan(data, PNG)) jenis = 'png';
  else if (mulaiDengan(data, [0xff, 0xd8, 0xff])) jenis = 'jpeg';
  else if (adalahSvg(data.toString('utf8', 0, Math.min(data.length, 4096)))) jenis = 'svg';
  const ext = path.posix.extname(rel).toLowerCase();
  const menurutNama = EKSTENSI[ext];
  if (jenis === null) return gagal({ kode: 'LKJ322', jenis: tebakJenis(data) });
  if (menurutNama === undefined) return gagal({ kode: 'LKJ322', jenis: `berekstensi ${ext || '(tanpa ekstensi)'} (isinya ${NAMA_JENIS[jenis]})` });
  if (menurutNama !== jenis) return gagal({ kode: 'LKJ322', jenis: `berekstensi ${ext} tetapi isinya ${NAMA_JENIS[jenis]}` });
  const gambar: GambarTerbaca = { jenis, rel, data };
  if (jenis === 'svg') {
    const temuan = periksaSvg(data.toString('utf8'));
    if (temuan.length > 0) return gagal({ kode: 'LKJ325', temuan: temuan.join('; ') });
    return { ok: true, gambar };
  }
  const ukuran = jenis === 'png' ? ukuranPng(data) : ukuranJpeg(data);
  if (typeof ukuran === 'string') return gagal({ kode: 'LKJ326', detail: ukuran });
  if (ukuran.lebar > BATAS_GAMBAR.sisi || ukuran.tinggi > BATAS_GAMBAR.sisi) {
    return gagal({ kode: 'LKJ324', piksel: `${ukuran.lebar} × ${ukuran.tinggi}`, batas: `${BATAS_GAMBAR.sisi} piksel per sisi` });
  }
  return { ok: true, gambar: { ...gambar, ...ukuran } };
}

/**
 * Reads picture `rel` (relative to the data folder `dataDir`) and checks it. A symbolic link is
 * followed only when it stays inside the data folder.
 */
export function bacaGambar(dataDir: string, rel: string): HasilGambar {
  const abs = path.join(dataDir, ...rel.split('/'));
  const gagal = (masalah: MasalahGambar): HasilGambar => ({ ok: false, masalah });
  try {
    lstatSync(abs);
  } catch {
    return gagal({ kode: 'LKJ320', dicari: tampilkanJalur(abs) });
  }
  let nyata: string;
  let akar: string;
  try {
    nyata = realpathSync(abs);
    akar = realpathSync(dataDir);
  } catch {
    // a link whose target does not exist
    return gagal({ kode: 'LKJ320', dicari: `${tampilkanJalur(abs)} (tautan ke berkas yang tidak ada)` });
  }
  if (nyata !== akar && !nyata.startsWith(akar + path.sep)) {
    return gagal({ kode: 'LKJ321', sebab: 'ia tautan simbolik yang menunjuk ke luar folder data' });
  }
  const info = statSync(nyata);
  if (!info.isFile()) return gagal({ kode: 'LKJ326', detail: 'ini bukan berkas biasa (folder, pipa atau perangkat)' });
  if (info.size > BATAS_GAMBAR.byte) return gagal({ kode: 'LKJ323', ukuran: tampilkanUkuran(info.size), batas: tampilkanUkuran(BATAS_GAMBAR.byte) });
  return periksaIsiGambar(rel, readFileSync(nyata));
}

function tampilkanJalur(abs: string): string {
  const r = path.relative(process.cwd(), abs) || '.';
  return r.split(path.sep).join('/');
}

// ---------------------------------------------------------------------------------------------
// References

/** A picture named in a data file, where it is named. */
export interface RujukanGambar {
  /** The naming file, relative to the data folder (`opd.yaml`, `2024/narasi/lkjip/bab-1.4-....md`). */
  asal: string;
  src: string;
  /** Caption text (the Markdown alt text); the lambang has none. */
  judul: string | null;
  line?: number;
  column?: number;
}

let mdPindai: MarkdownIt | undefined;

/**
 * The images of a narrative Markdown text with the line and column of their path. Parsed by
 * markdown-it, exactly as the documents render it, so reference-style images and images inside
 * lists are found and code spans are not.
 */
export function cariGambarMarkdown(teks: string): { src: string; judul: string; line: number; column: number }[] {
  // Every image, inline or reference-style, starts with a literal "![": most narratives have none.
  if (!teks.includes('![')) return [];
  if (!mdPindai) {
    const Md = createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt;
    mdPindai = new Md({ html: false, linkify: false, typographer: false });
  }
  const baris = teks.split('\n');
  const awalBaris: number[] = [];
  let n = 0;
  for (const b of baris) {
    awalBaris.push(n);
    n += b.length + 1;
  }
  const posisi = (offset: number): { line: number; column: number } => {
    let i = awalBaris.length - 1;
    while (i > 0 && awalBaris[i]! > offset) i--;
    return { line: i + 1, column: offset - awalBaris[i]! + 1 };
  };
  const out: { src: string; judul: string; line: number; column: number }[] = [];
  for (const t of mdPindai.parse(teks, {})) {
    if (t.type !== 'inline' || !t.children || !t.map) continue;
    const gambar = t.children.filter((c) => c.type === 'image');
    if (gambar.length === 0) continue;
    // Find the images' "![" in the block's source, in order, and point at their path.
    const dari = awalBaris[t.map[0]] ?? 0;
    const sampai = awalBaris[t.map[1]] ?? teks.length;
    let cari = dari;
    for (const g of gambar) {
      const buka = teks.indexOf('![', cari);
      let offset = buka >= 0 && buka < sampai ? buka : dari;
      if (buka >= 0 && buka < sampai) {
        const tutup = /\]\(\s*<?/.exec(teks.slice(buka, sampai));
        if (tutup) offset = buka + tutup.index + tutup[0].length;
        cari = buka + 2;
      }
      out.push({ src: g.attrGet('src') ?? '', judul: g.content.trim(), ...posisi(offset) });
    }
  }
  // markdown-it leaves an image whose address it refuses (file:, javascript:, data: other than an
  // image) as plain text: the document would print "![...](file:...)". Reported all the same.
  for (const m of teks.matchAll(/!\[([^\]\n]*)\]\(\s*<?(([a-z][a-z0-9+.-]*):[^)\s>]*)/gi)) {
    const offset = m.index + m[0].length - m[2]!.length;
    const p = posisi(offset);
    if (!out.some((g) => g.line === p.line && g.column === p.column)) out.push({ src: m[2]!, judul: m[1]!.trim(), ...p });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The pictures named by the data: the lambang, then the narrative images of `tahun` (every year without one). */
export function rujukanGambar(loaded: Loaded, tahun?: number): (RujukanGambar & { file: string; teks?: string })[] {
  const out: (RujukanGambar & { file: string; teks?: string })[] = [];
  const opd = fileOf(loaded, 'opd');
  const lambang = (loaded.data.opd as { lambang?: unknown } | undefined)?.lambang;
  if (opd && typeof lambang === 'string') {
    out.push({ asal: 'opd.yaml', src: lambang, judul: null, file: opd.file, ...loaded.positionOf(opd.file, '/lambang') });
  }
  for (const [t, dt] of [...loaded.data.tahun].sort(([a], [b]) => a - b)) {
    if (tahun !== undefined && t !== tahun) continue;
    for (const [dokumen, isi] of Object.entries(dt.narasi ?? {})) {
      for (const [nama, teks] of Object.entries(isi)) {
        const asal = `${t}/narasi/${dokumen}/${nama}.md`;
        const file = tampilanPath(path.resolve(loaded.dir, asal));
        for (const g of cariGambarMarkdown(teks)) out.push({ asal, src: g.src, judul: g.judul, line: g.line, column: g.column, file, teks });
      }
    }
  }
  return out;
}

/**
 * The pictures of `tahun` that pass every check, by data-folder path, for the documents to embed.
 * Run after validation; a picture that fails is left out (validation reported it).
 */
export function muatGambar(loaded: Loaded, tahun: number): Map<string, GambarTerbaca> {
  const out = new Map<string, GambarTerbaca>();
  const dataDir = path.resolve(loaded.dir);
  for (const r of rujukanGambar(loaded, tahun)) {
    const jalur = jalurGambar(r.asal, r.src);
    if (!jalur.ok || out.has(jalur.rel)) continue;
    const hasil = bacaGambar(dataDir, jalur.rel);
    if (hasil.ok) out.set(jalur.rel, hasil.gambar);
  }
  return out;
}
