/**
 * Page-flow rules of the shared print layout (templates/umum/dokumen.css), printed for real: a short
 * table never splits over two pages, and a chapter title goes with the landscape table its lead-in
 * (a paragraph or the narrative's TODO note) introduces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printPdf } from '../../src/export/pdf.js';
import { fontFaceCss, fontStack, templatesDir } from '../../src/render/assets.js';
import { tandaiPengantarPendek } from '../../src/render/pengantar-pendek.js';
import { SAMPLE_BASE_URL } from './sample-document.js';
import { pakaiCetakUji } from './cetak-uji.js';

const CSS = `${fontFaceCss()}\n:root { --font: ${fontStack}; }\n${readFileSync(join(templatesDir(), 'umum', 'dokumen.css'), 'utf8')}`;
const meta = { title: 't', author: 'a', subject: 's', keywords: [], creator: 'c', date: new Date('2025-01-01T00:00:00Z') };

const uji = pakaiCetakUji('alur');
const halamanTeks = (pdf: Uint8Array): string[] => uji.teksHalaman(pdf).filter((t) => t.trim() !== '');

const dokumen = (isi: string) => `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${isi}</body></html>`;

/** A captioned table of `n` body rows, each about three lines high. */
function tabel(n: number, kelas = 'tabel'): string {
  const baris = Array.from({ length: n }, (_, i) => `<tr><td>BRS${i + 1}</td><td>${'uraian program prioritas perangkat daerah '.repeat(4)}</td></tr>`).join('');
  return `<figure class="${kelas}"><figcaption><span class="nomor">Tabel 3.9</span> <span class="judul">KECIL</span></figcaption><table><thead><tr><th>NO</th><th>URAIAN</th></tr></thead><tbody>${baris}</tbody></table></figure>`;
}

describe('page flow of the shared layout', { timeout: 120_000 }, () => {
  // The spacer puts the table at the page bottom: with room for the caption and one or two rows.
  it.each([200, 210, 218, 226])('a three-row table after %i mm of text prints whole on one page', async (mm) => {
    const html = dokumen(`<section class="bab"><div style="height:${mm}mm"></div>${tabel(3)}<p>SESUDAH</p></section>`);
    const r = await printPdf(uji.sesi, { html, baseUrl: SAMPLE_BASE_URL, meta }, { apung: false });
    const hal = halamanTeks(r.pdf);
    const halaman = ['BRS1', 'BRS2', 'BRS3'].map((b) => hal.findIndex((h) => h.includes(b)));
    expect(halaman[0]).toBeGreaterThanOrEqual(0);
    expect(new Set(halaman).size, `rows on pages ${halaman.join(', ')}`).toBe(1);
    expect(hal[halaman[0] as number]).toContain('Tabel 3.9');
  });

  it('a short table taller than a page still prints (split between rows)', async () => {
    const tinggi = `<tr><td>BRSX</td><td>${'isi panjang sekali '.repeat(400)}</td></tr>`;
    const html = dokumen(`<section class="bab">${tabel(2).replace('<tbody>', `<tbody>${tinggi}`)}</section>`);
    const r = await printPdf(uji.sesi, { html, baseUrl: SAMPLE_BASE_URL, meta }, { apung: false });
    const semua = halamanTeks(r.pdf).join('\n');
    expect(semua).toContain('BRS1');
    expect(semua).toContain('BRS2');
  });

  // A short lead-in at the page bottom before a chart that cannot split: Chromium honoured the
  // lead-in's break-after: avoid by carrying its last two lines over, leaving one line alone
  // ("tahun 2026." at a page top). The document marks short lead-ins (pengantar-pendek.ts).
  const kalimat = 'menguraikan pelaksanaan tugas Badan Pendapatan Daerah Kabupaten Sukamaju pada tahun 2026 ';
  it.each([
    [1, 150], [1, 170], [1, 186], [2, 160], [2, 178], [4, 150], [4, 170], [8, 140], [8, 160],
  ])('a lead-in of %i sentences before an unsplittable figure keeps two lines or more on each page (%i mm above)', async (n, mm) => {
    const grafik = '<figure class="grafik"><figcaption>Gambar 3.2 GRAFIK</figcaption><div style="height:90mm"></div></figure>';
    const pengantar = Array.from({ length: n }, (_, i) => `K${i + 1} ${kalimat}`).join('');
    const html = dokumen(
      tandaiPengantarPendek(`<section class="bab"><div style="height:${mm}mm"></div><section><h2>3.1.3. PERBANDINGAN</h2><p>AWAL ${pengantar}AKHIR.</p>${grafik}</section></section>`),
    );
    const r = await printPdf(uji.sesi, { html, baseUrl: SAMPLE_BASE_URL, meta }, { apung: false });
    const baris = halamanTeks(r.pdf).map((h) => h.split('\n').filter((b) => b.trim() !== '' && !/^\s*\d+\s*$/.test(b)));
    const awal = baris.findIndex((h) => h.some((b) => b.includes('AWAL')));
    const akhir = baris.findIndex((h) => h.some((b) => b.includes('AKHIR.')));
    expect(baris[akhir]?.some((b) => b.includes('GRAFIK'))).toBe(true);
    if (akhir !== awal) {
      // Split: at least two lines of the paragraph on each page.
      const diAwal = (baris[awal] ?? []).slice((baris[awal] ?? []).findIndex((b) => b.includes('AWAL'))).length;
      const diAkhir = (baris[akhir] ?? []).findIndex((b) => b.includes('AKHIR.')) + 1;
      expect(diAwal, 'lines at the page bottom').toBeGreaterThanOrEqual(2);
      expect(diAkhir, 'lines at the page top').toBeGreaterThanOrEqual(2);
    }
  });

  it.each([
    ['a paragraph', '<p>PENGANTAR tabel berikut.</p>'],
    ['the TODO note of an unwritten narrative', '<blockquote><p>TODO: tulis bagian BAB III.</p></blockquote>'],
  ])('a chapter title and %s go with the landscape table right after them', async (_nama, pengantar) => {
    const html = dokumen(
      `<section class="bab"><h1>BAB II</h1><p>TEKS BAB DUA.</p></section>` +
        `<section class="bab"><h1>BAB III<br>RENCANA KERJA</h1>${pengantar}${tabel(8, 'tabel lebar')}</section>`,
    );
    const r = await printPdf(uji.sesi, { html, baseUrl: SAMPLE_BASE_URL, meta });
    const hal = halamanTeks(r.pdf);
    const bab3 = hal.findIndex((h) => h.includes('BAB III'));
    expect(hal[bab3]).toContain('Tabel 3.9');
    expect(r.pages[bab3]?.landscape).toBe(true);
    expect(r.pages.length).toBe(2);
  });
});
