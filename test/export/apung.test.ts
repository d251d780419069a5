/**
 * Landscape tables float forward (src/export/apung.ts): the pure choice of how much moves, and a
 * real print of a small document where a landscape table would leave the portrait page before it
 * almost empty.
 */
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { BATAS_APUNG, pilihPindahan, pilihRencana, terpakaiDariTujuan, PREFIX_PENANDA } from '../../src/export/apung.js';
import { printPdf } from '../../src/export/pdf.js';
import { readNamedDestinations } from '../../src/export/pdf-structure.js';
import { fontFaceCss, fontStack } from '../../src/render/assets.js';
import { SAMPLE_BASE_URL } from './sample-document.js';
import { pakaiCetakUji } from './cetak-uji.js';

const ikut = (...tinggi: (number | 'H')[]) => tinggi.map((t) => (t === 'H' ? { tinggiPx: 40, judul: true } : { tinggiPx: t, judul: false }));

describe('pilihPindahan', () => {
  it.each<[string, number, number, ReturnType<typeof ikut>, number]>([
    ['a page already filled enough keeps its order', 700, 0, ikut(50, 50), 0],
    ['an almost empty page takes what fits', 100, 0, ikut(200, 300, 400), 2],
    ['the headings that stay take their room first', 100, 300, ikut(200, 400), 1],
    ['a heading never ends the moved part', 100, 0, ikut(100, 'H', 800), 1],
    ['a block too tall to fit stops the move', 100, 0, ikut(900, 50), 0],
    ['nothing follows', 50, 0, [], 0],
  ])('%s', (_nama, terpakai, tinggal, pengikut, k) => {
    expect(pilihPindahan({ tinggalPx: tinggal, pengikut }, terpakai, 945)).toBe(k);
  });

  const blok = (jenis: 'H' | 'P' | 'F', tinggiPx = 40) => ({ tinggiPx, judul: jenis === 'H', figur: jenis === 'F', paragraf: jenis === 'P' });

  it('moves the tables with their lead-in; the headings stay and take only their own section', () => {
    const run = { isi: [blok('H'), blok('P'), blok('F', 600)], pengikut: ikut(200, 100, 'H', 100) };
    expect(pilihRencana(run, 100, 945)).toEqual({ mulai: 1, k: 2 });
  });

  it('when nothing of its own section can come in, moves the tables alone past later sections', () => {
    const run = { isi: [blok('H'), blok('P'), blok('F', 600)], pengikut: ikut('H', 100, 200) };
    expect(pilihRencana(run, 280, 945)).toEqual({ mulai: 2, k: 3 });
  });

  it('never leaves a heading without its text: a heading straight before the table moves nothing past another heading', () => {
    const run = { isi: [blok('H'), blok('F', 600)], pengikut: ikut('H', 100, 200) };
    expect(pilihRencana(run, 280, 945)).toEqual({ mulai: 1, k: 0 });
  });

  it('a table without headings or lead-in may be passed by later sections', () => {
    const run = { isi: [blok('F', 600)], pengikut: ikut('H', 100, 200) };
    expect(pilihRencana(run, 100, 945)).toEqual({ mulai: 0, k: 3 });
  });

  it('never moves text under another section: a run spanning two sections moves nothing', () => {
    // 2.2 heading, lead-in, landscape table; 2.3 heading, lead-in, landscape table; then 2.3's own
    // portrait table. Moving it in front would print it under 2.2's heading.
    const run = { isi: [blok('H'), blok('P'), blok('F', 600), blok('H'), blok('P'), blok('F', 600)], pengikut: ikut(100) };
    expect(pilihRencana(run, 100, 945)).toEqual({ mulai: 2, k: 0 });
    expect(pilihRencana({ ...run, pengikut: ikut('H', 100) }, 100, 945)).toEqual({ mulai: 2, k: 0 });
  });

  it('leaves room at the page bottom', () => {
    const pas = 945 - 100 - BATAS_APUNG.cadanganPx;
    expect(pilihPindahan({ tinggalPx: 0, pengikut: ikut(pas) }, 100, 945)).toBe(1);
    expect(pilihPindahan({ tinggalPx: 0, pengikut: ikut(pas + 1) }, 100, 945)).toBe(0);
  });

  it('reads the used height from a destination as Chromium writes it (page height minus the offset in the content area)', () => {
    const aturan = [{ nama: '', size: 'a4', marginTop: '25mm', marginRight: '20mm', marginBottom: '22mm', marginLeft: '25mm' }];
    const atas = terpakaiDariTujuan(841.89, aturan, '');
    expect(atas.terpakaiPx).toBeCloseTo(0, 0);
    expect(atas.tinggiCetakPx).toBeCloseTo((250 * 96) / 25.4, 0);
    expect(terpakaiDariTujuan(841.89 - 72, aturan, '').terpakaiPx).toBeCloseTo(96, 0);
  });
});

const CSS = `
${fontFaceCss()}
@page { size: A4; margin: 25mm 20mm 22mm 25mm; }
@page lebar { size: A4 landscape; margin: 20mm 15mm; }
html { font-family: ${fontStack}; font-size: 11pt; line-height: 1.45; }
body { margin: 0; }
figure.tabel.lebar { page: lebar; margin: 0; }
:is(p, h2):has(+ figure.tabel.lebar:not(.terapung)) { page: lebar; }
h2:has(+ p + figure.tabel.lebar:not(.terapung)) { page: lebar; }
table { border-collapse: collapse; width: 100%; } td { border: 1px solid #000; }
`;
const teks = (label: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>${label}-${i + 1} ${'kalimat isi laporan kinerja perangkat daerah '.repeat(6)}</p>`).join('\n');

/** A chapter whose text runs a few lines into page 2, then a landscape table, then more text. */
function dokumen(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<section class="bab" id="bab-1-bagian">
${teks('AWAL', 13)}
<p>PENGANTAR tabel berikut:</p>
<figure class="tabel lebar" id="tabel-lebar"><figcaption>TABEL LEBAR</figcaption><table>${'<tr><td>a</td><td>b</td></tr>'.repeat(5)}</table></figure>
${teks('IKUT', 4)}
</section></body></html>`;
}

const uji = pakaiCetakUji('apung');
const halamanTeks = (pdf: Uint8Array): string[] => uji.teksHalaman(pdf).filter((t) => t.trim() !== '');

describe('floating a landscape table forward', { timeout: 120_000 }, () => {
  const meta = { title: 't', author: 'a', subject: 's', keywords: [], creator: 'c', date: new Date('2025-01-01T00:00:00Z') };

  it('without floating, the portrait page before the table holds only a few lines', async () => {
    const r = await printPdf(uji.sesi, { html: dokumen(), baseUrl: SAMPLE_BASE_URL, meta }, { apung: false });
    const hal = halamanTeks(r.pdf);
    expect(hal[1]).toContain('AWAL-13');
    expect(hal[1]).not.toContain('IKUT-1');
    expect(hal[2]).toContain('PENGANTAR tabel berikut');
  });

  it('moves the text after the table in front of it until the page is full; the lead-in stays with the table', async () => {
    const r = await printPdf(uji.sesi, { html: dokumen(), baseUrl: SAMPLE_BASE_URL, meta });
    const hal = halamanTeks(r.pdf);
    // Decided from a paginated layout before printing: one print, no reprint for the move.
    expect(r.passes).toBe(1);
    expect(hal[1]).toMatch(/AWAL-13[\s\S]*IKUT-1[\s\S]*IKUT-4/);
    expect(hal[2]).toMatch(/PENGANTAR tabel berikut[\s\S]*TABEL LEBAR/);
    expect(r.pages.map((p) => p.landscape)).toEqual([false, false, true]);
    const doc = await PDFDocument.load(r.pdf);
    expect([...readNamedDestinations(doc).keys()].filter((k) => k.startsWith(PREFIX_PENANDA))).toEqual([]);
  });

  it('leaves no marker in a PDF where nothing had to move', async () => {
    const html = dokumen().replace(teks('AWAL', 13), teks('AWAL', 8));
    const r = await printPdf(uji.sesi, { html, baseUrl: SAMPLE_BASE_URL, meta });
    expect(r.passes).toBe(1);
    const doc = await PDFDocument.load(r.pdf);
    expect([...readNamedDestinations(doc).keys()].filter((k) => k.startsWith(PREFIX_PENANDA))).toEqual([]);
    expect(halamanTeks(r.pdf)[0]).toMatch(/AWAL-8[\s\S]*$/);
  });
});
