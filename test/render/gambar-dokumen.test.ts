/**
 * Pictures in the rendered documents: the lambang on both covers and the PK, narrative images and
 * the organisation chart as `figure.grafik.gambar` with their caption, every picture embedded as a
 * data: URI (nothing for the print page to load from disk), the same bytes on every render.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type Loaded } from '../../src/load/load-data.js';
import { muatGambar } from '../../src/load/gambar.js';
import { buatKonteksDokumen } from '../../src/render/konteks.js';
import { renderLkjip } from '../../src/render/lkjip.js';
import { renderRenja } from '../../src/render/renja.js';

const root = path.resolve(__dirname, '../..');
let bawaan: Loaded;
let contoh: Loaded;

beforeAll(async () => {
  bawaan = await loadData(path.join(root, 'data'));
  contoh = await loadData(path.join(root, 'test/fixtures/opd-contoh/data'));
});

const ctx = (l: Loaded, tahun: number, denganGambar = true) =>
  buatKonteksDokumen(l.dataSet!, tahun, undefined, undefined, denganGambar ? muatGambar(l, tahun) : new Map());

/** The figure with this id, whole. */
const figur = (html: string, id: string): string => new RegExp(`<figure class="[^"]*" id="${id}">[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';

describe('lambang', () => {
  it('stands on both covers and above the PK heading, embedded as a data: URI', async () => {
    const lkjip = (await renderLkjip(ctx(contoh, 2026))).html;
    const renja = (await renderRenja(ctx(contoh, 2026))).html;
    for (const html of [lkjip, renja]) {
      const sampul = /<section class="halaman-sampul sampul" id="sampul">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(sampul).toMatch(/<img class="lambang" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Lambang Pemerintah Kota Contoh">/);
    }
    expect(lkjip).toMatch(/<div class="judul-lampiran">\s*<img class="lambang-kop" src="data:image\/svg\+xml;base64,/);
  });

  it('is simply absent without one (the bundled agency)', async () => {
    expect((await renderLkjip(ctx(bawaan, 2024))).html).not.toContain('class="lambang');
  });
});

describe('organisation chart', () => {
  it('stands under "Struktur Organisasi" in Bab I 1.4 as a captioned figure', async () => {
    const html = (await renderLkjip(ctx(bawaan, 2024))).html;
    const f = figur(html, 'grafik-struktur-organisasi');
    // Numbered like every figure (render/nomor-keterangan.ts).
    expect(f).toMatch(
      /^<figure class="grafik gambar" id="grafik-struktur-organisasi"><figcaption id="grafik-struktur-organisasi-judul"><span class="nomor">Gambar 1\.1<\/span> Struktur Organisasi Dinas Tenaga Kerja Kabupaten Mojokerto<\/figcaption><svg /,
    );
    for (const unit of ['Kepala Dinas', 'Sekretariat', 'Keuangan', 'Seksi Transmigrasi', 'Hubungan Industrial', 'Fungsional']) expect(f).toContain(unit);
    const heading = html.search(/<h3[^>]*>Struktur Organisasi<\/h3>/);
    expect(heading).toBeGreaterThan(0);
    expect(html.indexOf('id="grafik-struktur-organisasi"')).toBeGreaterThan(heading);
    expect(html.indexOf('id="grafik-struktur-organisasi"')).toBeLessThan(html.indexOf('id="sub-1-5"'));
  });

  it('is numbered where the narrative refers to it ({{nomor_grafik "struktur-organisasi"}}), with no LKJ312', async () => {
    const c = ctx(bawaan, 2024);
    const narasi = c.d.narasi.lkjip as Record<string, string>;
    const nama = 'bab-1.4-data-umum-organisasi';
    narasi[nama] = `Susunan organisasi digambarkan pada {{nomor_grafik "struktur-organisasi"}}.\n\n${narasi[nama]}`;
    const hasil = await renderLkjip(c);
    expect(hasil.html).toMatch(/digambarkan pada <span class="rujukan"[^>]*>Gambar 1\.1<\/span>/);
    expect(hasil.peringatan.filter((d) => d.code === 'LKJ312')).toEqual([]);
  });

  it('is drawn from the other agency\'s own tree, appended to 1.4 when its narrative does not place it', async () => {
    const html = (await renderLkjip(ctx(contoh, 2026))).html;
    const f = figur(html, 'grafik-struktur-organisasi');
    expect(f).toContain('UPT Perpustakaan Keliling');
    expect(f).not.toMatch(/Tenaga Kerja/);
    expect(html.indexOf('id="grafik-struktur-organisasi"')).toBeGreaterThan(html.indexOf('id="sub-1-4"'));
    expect(html.indexOf('id="grafik-struktur-organisasi"')).toBeLessThan(html.indexOf('id="sub-1-5"'));
  });
});

describe('narrative images', () => {
  it('the Renja planning diagram goes through the image path: a figure with its caption and the SVG as data:', async () => {
    const html = (await renderRenja(ctx(bawaan, 2024))).html;
    const f = figur(html, 'gambar-2024-narasi-renja-bab-1-1-latar-belakang-md-1');
    expect(f).toMatch(/<span class="nomor">Gambar 1\.1<\/span> Hubungan Dokumen Perencanaan Pembangunan Daerah<\/figcaption><img class="vektor" src="data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(f)![1]!, 'base64').toString('utf8');
    expect(svg).toContain('Renja');
    expect(svg).toContain("font-family:'Arimo'");
    // Nothing in the document points at a file on disk (the fonts are embedded too).
    expect(html).not.toMatch(/file:\/\//);
  });

  it('a picture not read (validation failed or was skipped) leaves its caption and no image', async () => {
    const html = (await renderRenja(ctx(bawaan, 2024, false))).html;
    expect(figur(html, 'gambar-2024-narasi-renja-bab-1-1-latar-belakang-md-1')).toBe(
      '<figure class="grafik gambar" id="gambar-2024-narasi-renja-bab-1-1-latar-belakang-md-1">' +
        '<figcaption id="gambar-2024-narasi-renja-bab-1-1-latar-belakang-md-1-judul"><span class="nomor">Gambar 1.1</span> Hubungan Dokumen Perencanaan Pembangunan Daerah</figcaption></figure>',
    );
  });

  it('renders the same bytes every time', async () => {
    const a = (await renderRenja(ctx(bawaan, 2024))).html;
    const b = (await renderRenja(ctx(bawaan, 2024))).html;
    expect(a).toBe(b);
  });
});
