/**
 * TOC page numbers drawn into the printed PDF (src/export/cap-toc.ts, huruf-cap.ts): the font
 * subset, the one print, numbers that sit exactly where Chromium prints the same numbers when
 * they are in the page, and the fallback to numbers in the page when a box cannot take them.
 */
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PREFIX_CAP } from '../../src/export/cap-toc.js';
import { bacaTtf, hurufArimo, KARAKTER_LABEL, subsetTtf } from '../../src/export/huruf-cap.js';
import { printPdf, type PrintedPdf } from '../../src/export/pdf.js';
import { readNamedDestinations } from '../../src/export/pdf-structure.js';
import { bacaKataPdf, semuaKata, type Kata } from '../build/kata-pdf.js';
import { SAMPLE_BASE_URL, SAMPLE_HEADINGS, sampleHtml } from './sample-document.js';
import { pakaiCetakUji } from './cetak-uji.js';

const META = { title: 'Contoh', author: 'Dinas', subject: 'Uji', keywords: [], creator: 'uji', date: new Date('2025-01-01T00:00:00Z') };

/** The sample document with number boxes as the templates make them: fixed width, right-aligned. */
const KOTAK_TETAP = '.toc .toc-page { flex: none; width: 2.6em; text-align: right; }';
const denganKotak = (html: string, css = KOTAK_TETAP): string => html.replace('</style>', `${css}\n</style>`);

/** Reads the tables of a TrueType file back (the inverse of tulisSfnt). */
function bacaSfnt(ttf: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(ttf);
  const tabel = new Map<string, Uint8Array>();
  for (let i = 0, n = b.readUInt16BE(4); i < n; i++) {
    const o = 12 + 16 * i;
    tabel.set(b.toString('latin1', o, o + 4), new Uint8Array(b.subarray(b.readUInt32BE(o + 8), b.readUInt32BE(o + 8) + b.readUInt32BE(o + 12))));
  }
  return tabel;
}

describe('Arimo as a PDF font for page labels', () => {
  it('reads the digits and roman letters from the font package with their advance widths', () => {
    for (const tebal of [false, true]) {
      const f = hurufArimo({ tebal, miring: false });
      expect(f.unitsPerEm).toBe(2048);
      // Arimo (metric twin of Arial): tabular digits of 1139 units in both weights.
      for (const c of '0123456789') expect(f.lebarGlyph(f.glyph(c)), c).toBe(1139);
      for (const c of 'ivxlcdm') expect(f.glyph(c), c).toBeGreaterThan(0);
    }
  });

  it('keeps only the outlines of the label characters, under the same glyph ids', () => {
    const f = hurufArimo({ tebal: true, miring: false });
    const sub = bacaTtf(bacaSfnt(subsetTtf(f, KARAKTER_LABEL)));
    const loca = (t: Map<string, Uint8Array>, g: number): number => Buffer.from(t.get('loca') as Uint8Array).readUInt32BE(4 * g);
    const panjang = (g: number): number => loca(sub.tabel, g + 1) - loca(sub.tabel, g);
    for (const c of KARAKTER_LABEL) {
      expect(sub.glyph(c)).toBe(f.glyph(c));
      expect(panjang(sub.glyph(c)), c).toBeGreaterThan(0);
    }
    expect(panjang(f.glyph('A'))).toBe(0);
    expect((sub.tabel.get('glyf') as Uint8Array).length).toBeLessThan((f.tabel.get('glyf') as Uint8Array).length / 4);
    expect(sub.tabel.has('GPOS')).toBe(false);
    expect(Buffer.from(subsetTtf(f, KARAKTER_LABEL)).equals(Buffer.from(subsetTtf(f, KARAKTER_LABEL)))).toBe(true);
  });
});

const uji = pakaiCetakUji('cap');
const tulis = uji.berkas;
const teksHalaman = uji.teksHalaman;
const footer = (t: string): string => t.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? '';

describe('TOC numbers drawn into the printed PDF', { timeout: 120_000 }, () => {
  let dicap: PrintedPdf;
  let diHalaman: PrintedPdf;
  beforeAll(async () => {
    const html = denganKotak(sampleHtml());
    dicap = await printPdf(uji.sesi, { html, baseUrl: SAMPLE_BASE_URL, meta: META });
    diHalaman = await printPdf(uji.sesi, { html, baseUrl: SAMPLE_BASE_URL, meta: META }, { capToc: false });
  }, 120_000);

  it('prints once; the numbers equal the footers of the pages the headings stand on', () => {
    expect(dicap.tocDicap).toBe(true);
    expect(dicap.passes).toBe(1);
    expect(diHalaman.tocDicap).toBe(false);
    expect(diHalaman.passes).toBeGreaterThanOrEqual(2);
    const halaman = teksHalaman(dicap.pdf);
    const toc = halaman.find((t) => t.includes('DAFTAR ISI')) as string;
    for (const h of SAMPLE_HEADINGS) {
      const baris = toc.split('\n').find((l) => l.includes(h.text)) as string;
      const tampil = /(\S+)\s*$/.exec(baris)?.[1];
      expect(tampil, h.id).toBe(footer(halaman[(dicap.anchors[h.id] as number) - 1] as string));
      expect(tampil, h.id).toBe(dicap.tocLabels[h.id]);
    }
    expect(dicap.tocLabels).toEqual(diHalaman.tocLabels);
  });

  it('draws each number where Chromium prints it from the page: same glyph boxes within 0.05 pt', () => {
    const kata = (pdf: Uint8Array): Kata[] => {
      const h = bacaKataPdf(tulis(pdf)).find((p) => semuaKata(p).some((k) => k.teks === 'ISI')) as ReturnType<typeof bacaKataPdf>[number];
      return semuaKata(h)
        .filter((k) => /^([0-9]+|[ivxlcdm]+)$/.test(k.teks) && k.x0 > 300)
        .sort((a, b) => a.y0 - b.y0);
    };
    const a = kata(dicap.pdf);
    const b = kata(diHalaman.pdf);
    expect(a.map((k) => k.teks)).toEqual(b.map((k) => k.teks));
    expect(a.length).toBe(SAMPLE_HEADINGS.length);
    a.forEach((k, i) => {
      const r = b[i] as Kata;
      for (const sisi of ['x0', 'x1', 'y0', 'y1'] as const) expect(Math.abs(k[sisi] - r[sisi]), `${k.teks} ${sisi}`).toBeLessThan(0.05);
    });
  });

  it('lays out every page as the print with numbers in the page does', () => {
    expect(dicap.pages.length).toBe(diHalaman.pages.length);
    expect(dicap.anchors).toEqual(diHalaman.anchors);
  });

  it('embeds Arimo subsets for the numbers and leaves no marker destination', async () => {
    const fonts = execFileSync('pdffonts', [tulis(dicap.pdf)], { encoding: 'utf8' });
    expect(fonts).toMatch(/LKJTC[A-D]\+Arimo-(Regular|Bold)\s+TrueType\s+WinAnsi\s+yes\s+yes/);
    const names = fonts.split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0]);
    expect(names.filter((n) => !/\+Arimo-/.test(n ?? ''))).toEqual([]);
    const doc = await PDFDocument.load(dicap.pdf);
    expect([...readNamedDestinations(doc).keys()].filter((k) => k.startsWith(PREFIX_CAP))).toEqual([]);
  });

  it('gives the same bytes for two prints of the same HTML', async () => {
    const lagi = await printPdf(uji.sesi, { html: denganKotak(sampleHtml()), baseUrl: SAMPLE_BASE_URL, meta: META });
    expect(Buffer.from(lagi.pdf).equals(Buffer.from(dicap.pdf))).toBe(true);
  });

  it.each([
    ['a box narrower than its number (no width: the dotted leader runs to the edge)', ''],
    ['a box in another face', `${KOTAK_TETAP} .toc .toc-page { font-family: 'DejaVu Sans'; }`],
  ])('writes the numbers into the page instead for %s', async (_nama, css) => {
    const r = await printPdf(uji.sesi, { html: denganKotak(sampleHtml(), css), baseUrl: SAMPLE_BASE_URL, meta: META });
    expect(r.tocDicap).toBe(false);
    expect(r.passes).toBeGreaterThanOrEqual(2);
    const halaman = teksHalaman(r.pdf);
    const toc = halaman.find((t) => t.includes('DAFTAR ISI')) as string;
    for (const h of SAMPLE_HEADINGS) {
      const tampil = /(\S+)\s*$/.exec(toc.split('\n').find((l) => l.includes(h.text)) as string)?.[1];
      expect(tampil, h.id).toBe(footer(halaman[(r.anchors[h.id] as number) - 1] as string));
    }
  });
});
