/**
 * Word boxes of a printed PDF (`pdftotext -bbox-layout`), for tests that check what a reader sees:
 * text size, words outside the page, numbers cut at a line end, how far down each page its text
 * goes. Coordinates in PDF points, y from the page top.
 */
import { execFileSync } from 'node:child_process';

export interface Kata {
  teks: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Baris {
  kata: Kata[];
  teks: string;
  y0: number;
  y1: number;
}

export interface Blok {
  baris: Baris[];
}

export interface HalamanPdf {
  /** 1-based physical page. */
  nomor: number;
  lebar: number;
  tinggi: number;
  blok: Blok[];
}

/**
 * Arimo's ascender minus descender is 1.117 em, and pdftotext's word box spans exactly that: a
 * word box 7.82 pt high is 7 pt text (measured on the printed documents).
 */
export const TINGGI_PER_PT = 1.1172;

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function bacaKataPdf(file: string): HalamanPdf[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const halaman: HalamanPdf[] = [];
  for (const [i, pm] of [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].entries()) {
    const blok: Blok[] = [];
    for (const bm of (pm[3] ?? '').matchAll(/<block[^>]*>([\s\S]*?)<\/block>/g)) {
      const baris: Baris[] = [];
      for (const lm of (bm[1] ?? '').matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)) {
        const kata: Kata[] = [...(lm[1] ?? '').matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((w) => ({
          x0: Number(w[1]),
          y0: Number(w[2]),
          x1: Number(w[3]),
          y1: Number(w[4]),
          teks: decode(w[5] ?? ''),
        }));
        if (kata.length === 0) continue;
        baris.push({ kata, teks: kata.map((k) => k.teks).join(' '), y0: Math.min(...kata.map((k) => k.y0)), y1: Math.max(...kata.map((k) => k.y1)) });
      }
      if (baris.length > 0) blok.push({ baris });
    }
    halaman.push({ nomor: i + 1, lebar: Number(pm[1]), tinggi: Number(pm[2]), blok });
  }
  return halaman;
}

export const semuaKata = (h: HalamanPdf): Kata[] => h.blok.flatMap((b) => b.baris.flatMap((l) => l.kata));
/**
 * Lines of a page top to bottom. Tops are compared to 0.1 pt: text on one baseline drawn in
 * another font object (the TOC numbers written into the PDF) gets a top a few 1/100000 pt off.
 */
export const semuaBaris = (h: HalamanPdf): Baris[] =>
  h.blok.flatMap((b) => b.baris).sort((a, b) => Math.round(a.y0 * 10) - Math.round(b.y0 * 10));

/** Printed size of a word in pt (its box height over Arimo's em box). */
export const ukuranPt = (k: Kata): number => (k.y1 - k.y0) / TINGGI_PER_PT;

/** Body lines of a page: everything above the footer band (the page number in the bottom margin). */
export function barisIsi(h: HalamanPdf): Baris[] {
  return semuaBaris(h).filter((l) => l.y1 < h.tinggi - 45);
}
