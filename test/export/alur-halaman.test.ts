/**
 * Page-flow rules of the shared print layout (templates/umum/dokumen.css), printed for real: a short
 * table never splits over two pages, and a chapter title goes with the landscape table its lead-in
 * (a paragraph or the narrative's TODO note) introduces.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/export/browser.js';
import { printPdf } from '../../src/export/pdf.js';
import { fontFaceCss, fontStack, templatesDir } from '../../src/render/assets.js';
import { SAMPLE_BASE_URL } from './sample-document.js';

const CSS = `${fontFaceCss()}\n:root { --font: ${fontStack}; }\n${readFileSync(join(templatesDir(), 'umum', 'dokumen.css'), 'utf8')}`;
const meta = { title: 't', author: 'a', subject: 's', keywords: [], creator: 'c', date: new Date('2025-01-01T00:00:00Z') };

let session: BrowserSession;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lkjip-alur-'));
  session = await openBrowser();
}, 120_000);

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

function halamanTeks(pdf: Uint8Array): string[] {
  const file = join(dir, `a-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((t) => t.trim() !== '');
}

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
    const r = await printPdf(session, { html, baseUrl: SAMPLE_BASE_URL, meta }, { apung: false });
    const hal = halamanTeks(r.pdf);
    const halaman = ['BRS1', 'BRS2', 'BRS3'].map((b) => hal.findIndex((h) => h.includes(b)));
    expect(halaman[0]).toBeGreaterThanOrEqual(0);
    expect(new Set(halaman).size, `rows on pages ${halaman.join(', ')}`).toBe(1);
    expect(hal[halaman[0] as number]).toContain('Tabel 3.9');
  });

  it('a short table taller than a page still prints (split between rows)', async () => {
    const tinggi = `<tr><td>BRSX</td><td>${'isi panjang sekali '.repeat(400)}</td></tr>`;
    const html = dokumen(`<section class="bab">${tabel(2).replace('<tbody>', `<tbody>${tinggi}`)}</section>`);
    const r = await printPdf(session, { html, baseUrl: SAMPLE_BASE_URL, meta }, { apung: false });
    const semua = halamanTeks(r.pdf).join('\n');
    expect(semua).toContain('BRS1');
    expect(semua).toContain('BRS2');
  });

  it.each([
    ['a paragraph', '<p>PENGANTAR tabel berikut.</p>'],
    ['the TODO note of an unwritten narrative', '<blockquote><p>TODO: tulis bagian BAB III.</p></blockquote>'],
  ])('a chapter title and %s go with the landscape table right after them', async (_nama, pengantar) => {
    const html = dokumen(
      `<section class="bab"><h1>BAB II</h1><p>TEKS BAB DUA.</p></section>` +
        `<section class="bab"><h1>BAB III<br>RENCANA KERJA</h1>${pengantar}${tabel(8, 'tabel lebar')}</section>`,
    );
    const r = await printPdf(session, { html, baseUrl: SAMPLE_BASE_URL, meta });
    const hal = halamanTeks(r.pdf);
    const bab3 = hal.findIndex((h) => h.includes('BAB III'));
    expect(hal[bab3]).toContain('Tabel 3.9');
    expect(r.pages[bab3]?.landscape).toBe(true);
    expect(r.pages.length).toBe(2);
  });
});
