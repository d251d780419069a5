/**
 * Numbered captions: one mechanism over every figure.tabel and figure.grafik, per chapter, in
 * document order; opt-out; cross-references; the Daftar Tabel / Daftar Gambar pages.
 */
import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../src/export/html-marks.js';
import { nomorBab } from '../../src/render/dokumen.js';
import { nomoriKeterangan, renderDaftarKeterangan } from '../../src/render/nomor-keterangan.js';

const tabel = (id: string, judul: string, kelas = 'tabel') =>
  `<figure class="${kelas}" id="${id}">\n<figcaption><span class="judul">${judul}</span></figcaption>\n<table></table></figure>`;
const bab = (n: string, isi: string) => `<section class="bab" id="bab-${n}-bagian" data-bab="${n}"><h1>BAB</h1>${isi}</section>`;

describe('nomoriKeterangan', () => {
  it('numbers tables and figures per chapter, in order, across fragments', () => {
    const depan = `<section class="halaman-depan" data-bab="">${tabel('tabel-ringkas', 'Ringkasan')}</section>`;
    const isi =
      bab('1', tabel('tabel-a', 'Satu') + '<figure class="grafik" id="grafik-x"><figcaption>Grafik X</figcaption><svg></svg></figure>' + tabel('tabel-b', 'Dua')) +
      bab('2', `<section class="subbab"><h2>2.1</h2>${tabel('tabel-c', 'Tiga', 'tabel lebar')}</section>`);
    const h = nomoriKeterangan([depan, isi]);
    expect(h.tabel.map((e) => `${e.label}: ${e.judul}`)).toEqual(['Tabel 1: Ringkasan', 'Tabel 1.1: Satu', 'Tabel 1.2: Dua', 'Tabel 2.1: Tiga']);
    expect(h.gambar.map((e) => `${e.label}: ${e.judul}`)).toEqual(['Gambar 1.1: Grafik X']);
    expect(h.bagian[1]).toContain('<figcaption id="tabel-c-judul"><span class="nomor">Tabel 2.1</span> <span class="judul">Tiga</span></figcaption>');
    expect(h.bagian[1]).toContain('<figcaption id="grafik-x-judul"><span class="nomor">Gambar 1.1</span> Grafik X</figcaption>');
  });

  it('leaves a figure marked tanpa-nomor as it is, and pictures marked "grafik gambar" are Gambar', () => {
    const isi = bab(
      '3',
      tabel('tabel-pk', '<span class="nomor">Lampiran</span> PK', 'tabel tanpa-nomor') +
        '<figure class="grafik gambar" id="gambar-struktur"><figcaption>Struktur Organisasi</figcaption><img src="x.png"></figure>',
    );
    const h = nomoriKeterangan([isi]);
    expect(h.tabel).toEqual([]);
    expect(h.gambar).toEqual([{ id: 'gambar-struktur-judul', label: 'Gambar 3.1', judul: 'Struktur Organisasi' }]);
    expect(h.bagian[0]).toContain('<span class="nomor">Lampiran</span> PK');
  });

  it('replaces an older label in the caption and keeps form names', () => {
    const isi = bab('2', tabel('tabel-e-81', 'EVALUASI<br>DINAS</span> <span class="formulir">(Tabel E.81)').replace('<figcaption>', '<figcaption><span class="nomor">Tabel E.81</span> '));
    const h = nomoriKeterangan([isi]);
    expect(h.tabel[0]).toMatchObject({ label: 'Tabel 2.1', judul: 'EVALUASI DINAS (Tabel E.81)' });
    expect(h.bagian[0]).not.toContain('<span class="nomor">Tabel E.81</span>');
  });

  it('fills cross-references with the printed label and reports those to missing figures', () => {
    const isi = bab(
      '3',
      '<p>Dari <span class="rujukan" data-rujuk="tabel-b">3.2.a</span> dan <span class="rujukan" data-rujuk="tabel-z">9.9</span>.</p>' +
        tabel('tabel-a', 'A') +
        tabel('tabel-b', 'B'),
    );
    const h = nomoriKeterangan([isi]);
    expect(h.bagian[0]).toContain('Dari <span class="rujukan" data-rujuk="tabel-b">Tabel 3.2</span> dan');
    expect(h.rujukanHilang).toEqual(['tabel-z']);
  });

  it('does not take the caption of the next figure for a figure without one', () => {
    const isi = bab('1', '<figure class="tabel" id="t1"><table></table></figure>' + tabel('t2', 'Dua'));
    const h = nomoriKeterangan([isi]);
    expect(h.tabel).toEqual([{ id: 't2-judul', label: 'Tabel 1.1', judul: 'Dua' }]);
  });

  it.each([
    ['I', '1'],
    ['II', '2'],
    ['III', '3'],
    ['IV', '4'],
    ['IX', '9'],
    ['XIV', '14'],
    ['5', '5'],
  ])('nomorBab(%j) = %j', (romawi, arab) => {
    expect(nomorBab(romawi)).toBe(arab);
  });
});

describe('renderDaftarKeterangan', () => {
  it('is a table of contents page whose entries the export fills with page numbers', () => {
    const html = renderDaftarKeterangan('daftar-tabel', 'DAFTAR TABEL', [{ id: 'tabel-a-judul', label: 'Tabel 1.1', judul: 'A & B' }]);
    expect(html).toContain('<h1 id="daftar-tabel" data-bookmark="1">DAFTAR TABEL</h1>');
    expect(html).toContain('<span class="label">Tabel 1.1</span><span class="judul">A &amp; B</span>');
    const marks = scanHtml(html);
    expect(marks.tocTargets).toEqual(['tabel-a-judul']);
    expect(marks.tocId).toBe('daftar-tabel-bagian');
  });

  it('is empty when there is nothing to list', () => {
    expect(renderDaftarKeterangan('daftar-gambar', 'DAFTAR GAMBAR', [])).toBe('');
  });
});
