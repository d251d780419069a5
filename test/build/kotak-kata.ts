/**
 * The printed words of a PDF with their boxes (`pdftotext -bbox-layout`), and the checks a reader
 * makes on paper: type size, words outside the page's text area, numbers broken at a thousands dot.
 */
import { execFileSync } from 'node:child_process';

export interface Kata {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  teks: string;
}

export interface Halaman {
  /** 1-based */
  nomor: number;
  lebar: number;
  tinggi: number;
  lanskap: boolean;
  kata: Kata[];
  /** Lines as pdftotext groups them (a table cell's wrapped lines follow each other). */
  baris: Kata[][];
}

/**
 * Height of a word box per point of type size for Arimo in pdftotext (ascent + descent of the
 * font): 11 pt body text measures 11.89 pt, 13 pt headings 14.05 pt.
 */
const TINGGI_PER_PT = 1.081;

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function bacaHalaman(pdf: string): Halaman[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return xml
    .split('<page ')
    .slice(1)
    .map((p, i) => {
      const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(p) ?? [];
      const kataDari = (s: string): Kata[] =>
        [...s.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          teks: unescape(m[5] ?? ''),
        }));
      const lebar = Number(w);
      const tinggi = Number(h);
      return {
        nomor: i + 1,
        lebar,
        tinggi,
        lanskap: lebar > tinggi,
        kata: kataDari(p),
        baris: [...p.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((m) => kataDari(m[1] ?? '')),
      };
    });
}

/** Printed type size of a word in points. */
export const ukuranPt = (k: Kata): number => (k.y1 - k.y0) / TINGGI_PER_PT;

const MM = 72 / 25.4;

/** The text area of the documents' pages (templates/umum/dokumen.css), in points. */
export function areaTeks(h: Halaman): { x0: number; x1: number; y0: number; y1: number } {
  return h.lanskap
    ? { x0: 15 * MM, x1: h.lebar - 15 * MM, y0: 0, y1: h.tinggi }
    : { x0: 25 * MM, x1: h.lebar - 20 * MM, y0: 0, y1: h.tinggi };
}

/**
 * Words that stand outside the page's text area (left and right margins; top and bottom hold the
 * page number). `toleransi` allows for glyph overhang and list markers hanging by a hair.
 */
export function kataDiLuar(h: Halaman, toleransi = 1.5): Kata[] {
  const a = areaTeks(h);
  return h.kata.filter((k) => k.x0 < a.x0 - toleransi || k.x1 > a.x1 + toleransi || k.y0 < 0 || k.y1 > h.tinggi);
}

/** Words printed smaller than `pt` points (with 0.05 pt of measuring slack). */
export function kataKecil(h: Halaman, pt = 7): Kata[] {
  return h.kata.filter((k) => ukuranPt(k) < pt - 0.05);
}

/**
 * Numbers cut at a thousands dot: a line ending in "12." or "1.234." followed by a line starting
 * with three digits ("38.196." / "110.687").
 */
export function angkaPutus(h: Halaman): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < h.baris.length; i++) {
    const akhir = h.baris[i]!.at(-1)?.teks ?? '';
    const awal = h.baris[i + 1]![0]?.teks ?? '';
    if (/^\d{1,3}(\.\d{3})*\.$/.test(akhir) && /^\d{3}/.test(awal)) out.push(`${akhir}|${awal}`);
  }
  return out;
}

/** The page's text lines from top to bottom (the words of each line joined by spaces). */
export function teksBaris(h: Halaman): string[] {
  return [...h.baris].sort((a, b) => (a[0]?.y0 ?? 0) - (b[0]?.y0 ?? 0) || (a[0]?.x0 ?? 0) - (b[0]?.x0 ?? 0)).map((b) => b.map((k) => k.teks).join(' '));
}
