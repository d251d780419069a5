/**
 * The layout audit's pure parts: page geometry from @page rules, grouping of page widths, the
 * classification of raw measurements into findings, and their wording as diagnostics. The
 * measuring itself runs in Chromium and is tested through builds (test/build/tata-letak.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  BATAS_AUDIT,
  diagnostikAudit,
  geometriHalaman,
  kelompokkanHalaman,
  klasifikasiAudit,
  panjangMm,
  tempatTemuan,
  ukuranKertas,
  type AturanHalaman,
  type KelompokUkur,
  type UkuranMentah,
} from '../../src/export/audit.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

const aturan = (nama: string, size = '', margin: [string, string, string, string] = ['', '', '', '']): AturanHalaman => ({
  nama,
  size,
  marginTop: margin[0],
  marginRight: margin[1],
  marginBottom: margin[2],
  marginLeft: margin[3],
});

/** The rules of templates/umum/dokumen.css and page-numbers.ts as Chromium reports them. */
const DOKUMEN: AturanHalaman[] = [
  aturan(''),
  aturan('sampul'),
  aturan('depan'),
  aturan('lebar', 'a4 landscape'),
  aturan('', 'a4', ['25mm', '20mm', '22mm', '25mm']),
  aturan('lebar', 'a4 landscape', ['20mm', '15mm', '18mm', '15mm']),
  aturan('sampul', '', ['25mm', '25mm', '25mm', '25mm']),
];

describe('page geometry', () => {
  it.each([
    ['20mm', 20],
    ['2cm', 20],
    ['1in', 25.4],
    ['72pt', 25.4],
    ['96px', 25.4],
    ['0', 0],
    ['auto', undefined],
    ['10%', undefined],
    ['', undefined],
  ])('panjangMm(%j) = %j', (teks, mm) => {
    const hasil = panjangMm(teks);
    if (mm === undefined) expect(hasil).toBeUndefined();
    else expect(hasil).toBeCloseTo(mm, 6);
  });

  it.each<[string, [number, number], [number, number]]>([
    ['a4', [1, 1], [210, 297]],
    ['a4 landscape', [1, 1], [297, 210]],
    ['landscape', [210, 297], [297, 210]],
    ['A3 landscape', [1, 1], [420, 297]],
    ['215mm 330mm', [1, 1], [215, 330]],
    ['330mm 215mm portrait', [1, 1], [215, 330]],
    ['200mm', [1, 1], [200, 200]],
  ])('ukuranKertas(%j)', (size, dasar, hasil) => {
    expect(ukuranKertas(size, dasar)).toEqual(hasil);
  });

  it('applies the unnamed rules, then the named ones (later wins)', () => {
    expect(geometriHalaman(DOKUMEN, '')).toMatchObject({ lebarMm: 210, tinggiMm: 297, lebarCetakMm: 165, tinggiCetakMm: 250, marginAtasMm: 25 });
    expect(geometriHalaman(DOKUMEN, 'lebar')).toMatchObject({ lebarMm: 297, tinggiMm: 210, lebarCetakMm: 267, tinggiCetakMm: 172 });
    // A named page without its own size or margins takes the unnamed page's.
    expect(geometriHalaman(DOKUMEN, 'depan')).toMatchObject({ lebarCetakMm: 165 });
    expect(geometriHalaman(DOKUMEN, 'sampul')).toMatchObject({ lebarCetakMm: 160 });
    // No rule at all: Chromium's default Letter.
    expect(geometriHalaman([], '').lebarMm).toBeCloseTo(215.9, 1);
  });

  it('groups page names by printable width in whole CSS px', () => {
    expect(kelompokkanHalaman(DOKUMEN, ['', 'depan', 'lebar', 'sampul'])).toEqual([
      { halaman: ['sampul'], lebarPx: 604 },
      { halaman: ['', 'depan'], lebarPx: 623 },
      { halaman: ['lebar'], lebarPx: 1009 },
    ]);
  });
});

const kosong = (): UkuranMentah => ({ luber: [], selLuber: [], teksKecil: [], angkaPatah: [], kataPatah: [], menjorok: [] });
const kelompok = (u: Partial<UkuranMentah>, lebarPx = 623): KelompokUkur[] => [{ halaman: [''], lebarPx, ukuran: { ...kosong(), ...u } }];
const dalamTabel = { figur: 'tabel-e-81', keterangan: 'Tabel 2.1 EVALUASI (Tabel E.81)', bagian: '2.1 EVALUASI', elemen: 'td.angka' };
const dalamNarasi = { berkas: 'data/2024/narasi/lkjip/bab-1.2.md', baris: 7, bagian: '1.2. LANDASAN HUKUM', elemen: 'p' };

describe('klasifikasiAudit', () => {
  it.each<[string, Partial<UkuranMentah>, string, RegExp]>([
    ['a table wider than the page', { luber: [{ lokasi: { ...dalamTabel, elemen: 'table' }, kiri: 0, kanan: 1100 }] }, 'LKJ601', /melewati bidang cetak/],
    [
      'cells narrower than their text',
      { selLuber: [{ lokasi: { ...dalamTabel, cuplikan: '2.07.03.2.01.0001' }, isi: 80, sel: 60 }] },
      'LKJ602',
      /1 sel berisi teks yang lebih lebar.*"2\.07\.03\.2\.01\.0001"/,
    ],
    ['text below 7 pt', { teksKecil: [{ lokasi: dalamTabel, pt: 4.75, jumlah: 12 }] }, 'LKJ603', /12 potong teks.*terkecil 4,8 pt/],
    ['a number on two lines', { angkaPatah: [{ lokasi: dalamTabel, teks: '38.196.110.687' }] }, 'LKJ604', /"38\.196\.110\.687"/],
    ['a word cut in the middle', { kataPatah: [{ lokasi: dalamNarasi, teks: 'x'.repeat(300) }] }, 'LKJ605', /dipenggal.*\.\.\./],
    ['a list indented too deep', { menjorok: [{ lokasi: dalamNarasi, kiri: 300, tingkat: 12 }] }, 'LKJ606', /12 tingkat; butir terdalam mulai 79,4 mm/],
  ])('%s -> %s', (_nama, ukuran, kode, detail) => {
    const t = klasifikasiAudit(kelompok(ukuran));
    expect(t.map((x) => x.kode)).toEqual([kode]);
    expect(t[0]?.detail).toMatch(detail);
  });

  it('lets sub-pixel overhangs and text at the limit pass', () => {
    const t = klasifikasiAudit(
      kelompok({
        luber: [{ lokasi: dalamTabel, kiri: 0, kanan: 623 + BATAS_AUDIT.toleransiPx }],
        selLuber: [{ lokasi: dalamTabel, isi: 61, sel: 60 }],
        teksKecil: [{ lokasi: dalamTabel, pt: 7, jumlah: 3 }],
      }),
    );
    expect(t).toEqual([]);
  });

  it('reports one finding per table for many cells, with the count and a few examples', () => {
    const angka = ['1.000.000', '2.000.000', '3.000.000', '4.000.000', '5.000.000'].map((teks) => ({ lokasi: dalamTabel, teks }));
    const t = klasifikasiAudit(kelompok({ angkaPatah: angka }));
    expect(t).toHaveLength(1);
    expect(t[0]?.detail).toMatch(/^5 angka .*"1\.000\.000", "2\.000\.000", "3\.000\.000" dan 2 lainnya\.$/);
  });

  it('reports a deep list once, at its deepest item', () => {
    const t = klasifikasiAudit(
      kelompok({
        menjorok: [
          { lokasi: dalamNarasi, kiri: 220, tingkat: 9 },
          { lokasi: dalamNarasi, kiri: 300, tingkat: 12 },
        ],
      }),
    );
    expect(t).toHaveLength(1);
    expect(t[0]?.detail).toMatch(/12 tingkat/);
  });

  it('measures each layout against its own page width', () => {
    const lebar: KelompokUkur = { halaman: ['lebar'], lebarPx: 1009, ukuran: { ...kosong(), luber: [{ lokasi: dalamTabel, kiri: 0, kanan: 1000 }] } };
    expect(klasifikasiAudit([lebar])).toEqual([]);
    expect(klasifikasiAudit([{ ...lebar, lebarPx: 623 }]).map((t) => t.kode)).toEqual(['LKJ601']);
  });
});

describe('diagnostikAudit', () => {
  it('names the document, the table by its caption, the section, and the narrative file:line', () => {
    const [tabel, narasi] = diagnostikAudit(
      [
        { kode: 'LKJ603', lokasi: dalamTabel, detail: '3 potong teks tercetak di bawah 7,0 pt (terkecil 5,0 pt).' },
        { kode: 'LKJ605', lokasi: dalamNarasi, detail: '1 kata lebih panjang dari barisnya dan dipenggal di tengah: "x".' },
      ],
      'Renja 2024',
    );
    expect(tabel).toMatchObject({ code: 'LKJ603', severity: 'warning' });
    expect(tabel?.file).toBeUndefined();
    expect(tabel?.message).toBe(
      'Renja 2024, "Tabel 2.1 EVALUASI (Tabel E.81)" (bagian "2.1 EVALUASI"): 3 potong teks tercetak di bawah 7,0 pt (terkecil 5,0 pt).',
    );
    expect(narasi).toMatchObject({ code: 'LKJ605', file: 'data/2024/narasi/lkjip/bab-1.2.md', line: 7 });
    expect(formatDiagnostic(narasi!)).toMatch(/^data\/2024\/narasi\/lkjip\/bab-1\.2\.md:7 warning LKJ605 Kata dipenggal di tengah\n/);
  });

  it('makes every finding an error under --strict', () => {
    const d = diagnostikAudit([{ kode: 'LKJ601', lokasi: dalamTabel, detail: 'x' }], 'LKJIP 2024', 'error');
    expect(d[0]?.severity).toBe('error');
  });

  it.each([
    [{ elemen: 'p' }, 'awal dokumen'],
    [{ elemen: 'p', bagian: '1.1. LATAR BELAKANG' }, 'bagian "1.1. LATAR BELAKANG"'],
    [{ elemen: 'td', figur: 'tabel-3-1-a', bagian: '3.1.' }, 'tabel-3-1-a (bagian "3.1.")'],
  ])('tempatTemuan(%j) = %j', (lokasi, teks) => {
    expect(tempatTemuan(lokasi)).toBe(teks);
  });
});
