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

// ---------------------------------------------------------------------------------------------
// Exact type sizes from the content streams

type Matriks = [number, number, number, number, number, number];
const kali = (m: Matriks, n: Matriks): Matriks => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const skala = (m: Matriks): number => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

/** Tokens of a content stream: numbers, names, operators; strings, hex strings and arrays skipped as one token. */
function* token(s: string): Generator<string> {
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (c === '(') {
      let d = 0;
      do {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') d++;
        else if (s[i] === ')') d--;
        i++;
      } while (d > 0 && i < s.length);
      yield '(str)';
    } else if (c === '<' && s[i + 1] !== '<') {
      i = s.indexOf('>', i) + 1;
      yield '(str)';
    } else if (c === '[') {
      // a TJ array: strings and kerning numbers
      let d = 0;
      do {
        if (s[i] === '(') {
          let e = 0;
          do {
            if (s[i] === '\\') i++;
            else if (s[i] === '(') e++;
            else if (s[i] === ')') e--;
            i++;
          } while (e > 0 && i < s.length);
          continue;
        }
        if (s[i] === '[') d++;
        else if (s[i] === ']') d--;
        i++;
      } while (d > 0 && i < s.length);
      yield '(arr)';
    } else if (c === '<' || c === '>') {
      i += 2;
      yield c + c;
    } else {
      let j = i + 1;
      while (j < s.length && !/[\s()<>[\]{}/%]/.test(s[j]!)) j++;
      yield s.slice(i, j);
      i = j;
    }
  }
}

/**
 * The printed size (pt) of every run of text on each page: the Tf size through the text matrix
 * and every transformation above it (Chromium's px-to-pt scale, a shrink-to-fit of the whole
 * document, an SVG's viewBox scale, a picture's form XObject). Exact, unlike a word box's height,
 * which depends on the bounding box of the embedded font subset.
 */
export async function ukuranTeksPdf(pdf: string): Promise<number[][]> {
  const { PDFDocument, PDFName, PDFArray, PDFDict, PDFRawStream, PDFNumber } = await import('pdf-lib');
  const { inflateSync } = await import('node:zlib');
  const { readFileSync } = await import('node:fs');
  const doc = await PDFDocument.load(readFileSync(pdf));
  const isi = (s: unknown): string => {
    if (!(s instanceof PDFRawStream)) return '';
    const filter = s.dict.get(PDFName.of('Filter'));
    const raw = Buffer.from(s.getContents());
    return (filter ? inflateSync(raw) : raw).toString('latin1');
  };
  return doc.getPages().map((page) => {
    const ukuran: number[] = [];
    const jalankan = (teks: string, awal: Matriks, sumber: import('pdf-lib').PDFDict | undefined, dalam = 0): void => {
      let ctm = awal;
      const tumpukan: Matriks[] = [];
      let tm: Matriks = [1, 0, 0, 1, 0, 0];
      let tf = 0;
      const angka: number[] = [];
      let nama = '';
      for (const t of token(teks)) {
        if (/^[-+.\d]/.test(t)) {
          angka.push(Number(t));
          continue;
        }
        if (t.startsWith('/')) {
          nama = t.slice(1);
          continue;
        }
        switch (t) {
          case 'q': tumpukan.push(ctm); break;
          case 'Q': ctm = tumpukan.pop() ?? ctm; break;
          case 'cm': ctm = kali(angka.slice(-6) as Matriks, ctm); break;
          case 'BT': tm = [1, 0, 0, 1, 0, 0]; break;
          case 'Tm': tm = angka.slice(-6) as Matriks; break;
          case 'Tf': tf = angka.at(-1) ?? 0; break;
          case 'Tj': case 'TJ': case "'": case '"':
            ukuran.push(Math.round(tf * skala(kali(tm, ctm)) * 1000) / 1000);
            break;
          case 'Do': {
            const xo = sumber?.lookup(PDFName.of('XObject'), PDFDict)?.lookup(PDFName.of(nama));
            if (xo instanceof PDFRawStream && xo.dict.get(PDFName.of('Subtype'))?.toString() === '/Form' && dalam < 8) {
              const m = xo.dict.lookup(PDFName.of('Matrix'));
              const mat = m instanceof PDFArray ? (m.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0)) as Matriks) : ([1, 0, 0, 1, 0, 0] as Matriks);
              const res = xo.dict.lookup(PDFName.of('Resources'));
              jalankan(isi(xo), kali(mat, ctm), res instanceof PDFDict ? res : sumber, dalam + 1);
            }
            break;
          }
          default: break;
        }
        angka.length = 0;
      }
    };
    const c = page.node.get(PDFName.of('Contents'));
    const lihat = doc.context.lookup(c);
    const aliran = lihat instanceof PDFArray ? lihat.asArray().map((r) => doc.context.lookup(r)) : [lihat];
    jalankan(aliran.map(isi).join('\n'), [1, 0, 0, 1, 0, 0], page.node.Resources());
    return ukuran;
  });
}
