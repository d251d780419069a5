/**
 * Tabel E.81 (P-Renja 2024, evaluated up to TW II) and TC-29, with rows of the source as literal
 * base values. The source sums every K column blindly (percentages, "orang/bln") and prints
 * #DIV/0! on zero targets; here only cumulative indicators are summed and a zero target gives "-".
 */
import { describe, expect, it } from 'vitest';
import { hitungTahun } from '../../src/calc/index.js';
import type { BarisE81, BarisTc29, KolomE81K } from '../../src/calc/types.js';
import type {
  DataSet,
  Indikator,
  NilaiIndikator,
  NodeTahun,
  RenstraProgram,
  Triwulan,
} from '../../src/model/types.js';
import { formatAngka, formatPersen, formatRupiah } from '../../src/util/format.js';
import { opd, strategis } from './data-2024.js';

function ind(id: string, satuan: string, kumulatif: boolean, target: Record<string, number>, target_akhir: number): Indikator {
  const jenis = id.split('.').length === 3 || id.endsWith('-2') ? 'program' : 'sub_kegiatan';
  return { id, nama: id, jenis, satuan, polaritas: 'tinggi_baik', kumulatif, target, target_akhir };
}

const renstra: RenstraProgram = {
  program: [
    {
      kode: '2.07.01', nama: 'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH', indikator: [],
      kegiatan: [
        {
          kode: '2.07.01.2.01', nama: 'PERENCANAAN, PENGANGGARAN DAN EVALUASI KINERJA PERANGKAT DAERAH', indikator: ['I-2.07.01.2.01'],
          sub_kegiatan: [
            { kode: '2.07.01.2.01.0001', nama: 'Penyusunan Dokumen Perencanaan Perangkat Daerah', indikator: ['I-2.07.01.2.01.0001'], pagu_renstra: 96_261_085 },
            { kode: '2.07.01.2.01.0007', nama: 'Evaluasi Kinerja Perangkat Daerah', indikator: ['I-2.07.01.2.01.0007'], pagu_renstra: 582_566_511 },
          ],
        },
        {
          kode: '2.07.01.2.02', nama: 'ADMINISTRASI KEUANGAN PERANGKAT DAERAH', indikator: ['I-2.07.01.2.02'],
          sub_kegiatan: [
            { kode: '2.07.01.2.02.0001', nama: 'Penyediaan Gaji Dan Tunjangan ASN', indikator: ['I-2.07.01.2.02.0001'], pagu_renstra: 34_194_514_491 },
            { kode: '2.07.01.2.02.0002', nama: 'Penyediaan Administrasi Pelaksanaan Tugas ASN', indikator: ['I-2.07.01.2.02.0002'], pagu_renstra: 67_507_390 },
          ],
        },
      ],
    },
    {
      kode: '2.07.02', nama: 'PROGRAM PERENCANAAN TENAGA KERJA', indikator: ['I-2.07.02'],
      kegiatan: [
        {
          kode: '2.07.02.2.01', nama: 'PENYUSUNAN RENCANA TENAGA KERJA (RTK)', indikator: ['I-2.07.02.2.01'],
          sub_kegiatan: [
            { kode: '2.07.02.2.01.0001', nama: 'Penyusunan Rencana Tenaga Kerja Makro', indikator: ['I-2.07.02.2.01.0001'], pagu_renstra: 325_000_000 },
          ],
        },
      ],
    },
    {
      kode: '2.07.03', nama: 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja', indikator: ['I-2.07.03'],
      kegiatan: [
        {
          kode: '2.07.03.2.01', nama: 'Pelaksanaan Pelatihan berdasarkan Unit Kompetensi', indikator: [],
          sub_kegiatan: [
            { kode: '2.07.03.2.01.0001', nama: 'Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan', indikator: ['I-2.07.03.2.01.0001'] },
          ],
        },
      ],
    },
    {
      kode: '2.07.04', nama: 'Program Penempatan Tenaga Kerja', indikator: ['I-2.07.04'],
      kegiatan: [
        {
          kode: '2.07.04.2.01', nama: 'Pelayanan Antar Kerja', indikator: [],
          sub_kegiatan: [{ kode: '2.07.04.2.01.0002', nama: 'Pelayanan Antar Kerja', indikator: ['I-2.07.04.2.01.0002'] }],
        },
      ],
    },
    {
      kode: '2.07.05', nama: 'PROGRAM HUBUNGAN INDUSTRIAL', indikator: ['I-2.07.05', 'I-2.07.05-2'], unit_penanggung_jawab: 'Bidang HI',
      kegiatan: [
        {
          kode: '2.07.05.2.02', nama: 'PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL', indikator: [],
          sub_kegiatan: [
            { kode: '2.07.05.2.02.0001', nama: 'Pencegahan Perselisihan', indikator: ['I-2.07.05.2.02.0001'], pagu_renstra: 2_356_007_914 },
            { kode: '2.07.05.2.02.0002', nama: 'Penyelesaian Perselisihan', indikator: [], pagu_renstra: 405_044_341 },
            { kode: '2.07.05.2.02.0004', nama: 'Operasional LKS Tripartit', indikator: [], pagu_renstra: 405_044_341 },
            { kode: '2.07.05.2.02.0005', nama: 'Jaminan Sosial Tenaga Kerja', indikator: [], pagu_renstra: 2_781_304_472 },
            { kode: '2.07.05.2.02.0099', nama: 'TIDAK ADA DI KEPMENDAGRI TERBARU', indikator: [], aktif: false },
          ],
        },
      ],
    },
  ],
  indikator: [
    // The source sums the quarters (33,3 + 33,3 = 66,6): the data marks this one cumulative.
    ind('I-2.07.01.2.01', '%', true, { 2024: 100 }, 100),
    ind('I-2.07.01.2.01.0001', 'dokumen', true, { 2024: 2 }, 10),
    ind('I-2.07.01.2.01.0007', 'laporan', true, { 2024: 4 }, 24),
    ind('I-2.07.01.2.02', '%', false, { 2024: 90 }, 90),
    ind('I-2.07.01.2.02.0001', 'orang/bln', false, { 2024: 36 }, 36),
    ind('I-2.07.01.2.02.0002', 'dokumen', true, { 2024: 0 }, 50),
    ind('I-2.07.02', '%', false, { 2024: 25 }, 100),
    ind('I-2.07.02.2.01', 'dokumen', true, { 2024: 0 }, 4),
    ind('I-2.07.02.2.01.0001', 'dokumen', true, { 2024: 0 }, 4),
    ind('I-2.07.03', '%', false, { 2023: 25, 2024: 30 }, 35),
    // TC-29 col 4 prints 128 (its header says "tahun 2024"; E.81 gives 656 for 2026)
    ind('I-2.07.03.2.01.0001', 'orang', true, { 2023: 128, 2024: 128 }, 128),
    ind('I-2.07.04', '%', false, { 2023: 72, 2024: 72 }, 72),
    ind('I-2.07.04.2.01.0002', 'orang', true, { 2023: 3, 2024: 1 }, 1),
    ind('I-2.07.05', '%', false, { 2023: 80, 2024: 80 }, 82),
    ind('I-2.07.05-2', '%', false, { 2023: 56, 2024: 56 }, 58),
    ind('I-2.07.05.2.02.0001', 'perkara', true, { 2024: 4 }, 24),
  ],
};

const tw = (a: number | null, b: number | null, c: number | null = null, d: number | null = null): Triwulan => [a, b, c, d];
const v = (id: string, realisasi_triwulan: Triwulan, realisasi_sd_tahun_lalu: number): NilaiIndikator => ({
  id, realisasi_triwulan, realisasi_sd_tahun_lalu,
});
function node(kode: string, indikator: NilaiIndikator[], rp?: { pagu: number; tw: Triwulan; sd: number }): NodeTahun {
  return rp
    ? { kode, indikator, pagu: rp.pagu, realisasi_rp_triwulan: rp.tw, realisasi_rp_sd_tahun_lalu: rp.sd }
    : { kode, indikator };
}

/** program.yaml 2024 (E.81 columns 6..11 as printed; "-" is 0). */
const node2024: NodeTahun[] = [
  node('2.07.01.2.01', [v('I-2.07.01.2.01', tw(33.3, 33.3), 19)]),
  node('2.07.01.2.01.0001', [v('I-2.07.01.2.01.0001', tw(0, 1), 11)], { pagu: 7_500_000, tw: tw(0, 3_999_000), sd: 24_473_800 }),
  node('2.07.01.2.01.0007', [v('I-2.07.01.2.01.0007', tw(1, 1), 8)], { pagu: 10_000_000, tw: tw(0, 4_586_000), sd: 104_073_400 }),
  // quarters III and IV are filled in a TW II evaluation, as printed
  node('2.07.01.2.02', [v('I-2.07.01.2.02', tw(25, 25, 25, 25), 26)]),
  node('2.07.01.2.02.0001', [v('I-2.07.01.2.02.0001', tw(36, 36), 108)], { pagu: 4_843_359_600, tw: tw(759_126_775, 1_305_257_938), sd: 13_151_034_052 }),
  node('2.07.01.2.02.0002', [v('I-2.07.01.2.02.0002', tw(0, 0), 12)], { pagu: 0, tw: tw(0, 0), sd: 10_000_000 }),
  node('2.07.02', [v('I-2.07.02', tw(0, 0), 70)]),
  node('2.07.02.2.01', [v('I-2.07.02.2.01', tw(0, 0), 1)]),
  node('2.07.02.2.01.0001', [v('I-2.07.02.2.01.0001', tw(0, 0), 1)], { pagu: 0, tw: tw(0, 0), sd: 72_497_300 }),
  node('2.07.05', [v('I-2.07.05', tw(0, 0, 0, 80.95), 82), v('I-2.07.05-2', tw(0, 0, 0, 56.91), 75)]),
  node('2.07.05.2.02.0001', [v('I-2.07.05.2.02.0001', tw(0, 2), 404)], { pagu: 180_000_000, tw: tw(0, 88_280_200), sd: 693_889_600 }),
  node('2.07.05.2.02.0002', [], { pagu: 25_000_000, tw: tw(0, 3_392_000), sd: 109_760_400 }),
  node('2.07.05.2.02.0004', [], { pagu: 45_000_000, tw: tw(0, 218_000), sd: 129_069_600 }),
  node('2.07.05.2.02.0005', [], { pagu: 3_046_192_000, tw: tw(0, 977_118_100), sd: 2_104_030_100 }),
];

/** program.yaml 2023 for TC-29: target and realisation of 2023, realisation up to 2022. */
const nilai2023 = (id: string, target: number, realisasi: number, sd2022: number): NilaiIndikator => ({
  id, target, realisasi, realisasi_sd_tahun_lalu: sd2022,
});
const node2023: NodeTahun[] = [
  { kode: '2.07.03', indikator: [nilai2023('I-2.07.03', 25, 28.83, 41.67)] },
  { kode: '2.07.03.2.01.0001', indikator: [nilai2023('I-2.07.03.2.01.0001', 128, 117, 176)] },
  { kode: '2.07.04', indikator: [nilai2023('I-2.07.04', 72, 72.41, 71.74)] },
  { kode: '2.07.04.2.01.0002', indikator: [nilai2023('I-2.07.04.2.01.0002', 3, 1, 3)] },
  { kode: '2.07.05', indikator: [nilai2023('I-2.07.05', 80, 80.95, 100), nilai2023('I-2.07.05-2', 56, 56.91, 55.02)] },
];

function data(): DataSet {
  return structuredClone({
    opd,
    strategis: { ...strategis, indikator: [] },
    program: renstra,
    tahun: new Map([
      [2023, { tahun: 2023, program: { tahun: 2023, node: node2023 }, narasi: {} }],
      [2024, { tahun: 2024, program: { tahun: 2024, node: node2024 }, renja: { tahun: 2024, triwulan_evaluasi: 2 }, narasi: {} }],
    ]),
  });
}

const hasil = hitungTahun(data(), 2024);
const e81 = hasil.renja.e81;
function baris(kode: string): BarisE81 {
  const b = e81?.program.flatMap((p) => p.baris).find((x) => x.kode === kode);
  if (!b) throw new Error(kode);
  return b;
}
function k(kode: string, id = `I-${kode}`): KolomE81K {
  const x = baris(kode).indikator.find((i) => i.indikator === id);
  if (!x) throw new Error(id);
  return x;
}
const p = formatPersen;
const n = (x: number | null) => formatAngka(x, 2);

describe('Tabel E.81: K columns', () => {
  it.each([
    // kode, 12, 13, 14, 15, source printed (12 / 13 / 14 / 15)
    ['2.07.01.2.01.0001', '1,00', '50,00', '12,00', '120,00', '1 / 50,00 / 12 / 120'],
    ['2.07.01.2.01.0007', '2,00', '50,00', '10,00', '41,67', '2 / 50,00 / 10 / 42'],
    ['2.07.01.2.01', '66,60', '66,60', '85,60', '85,60', '66,6 / 66,60 / 86 / 8560,00 (x100 twice)'],
    // a percentage: the latest quarter stands, not the sum
    ['2.07.01.2.02', '25,00', '27,78', '25,00', '27,78', '100,0 / 111,11 / 126 / 14000,00 (quarters summed)'],
    // people per month: not cumulative
    ['2.07.01.2.02.0001', '36,00', '100,00', '36,00', '100,00', '72 / 200,00 / 180 / 500'],
    // target 0: no capaian
    ['2.07.01.2.02.0002', '0,00', '-', '12,00', '24,00', '0 / 0,00 / 12 / 24'],
    ['2.07.02', '0,00', '0,00', '0,00', '0,00', '0 / 0 / 1 / 70,00'],
    ['2.07.02.2.01', '0,00', '-', '1,00', '25,00', '0 / #DIV/0! / 1 / 25'],
    ['2.07.05', '80,95', '101,19', '80,95', '98,72', '80,95 / 101,19 / 82 / 99,72'],
    ['2.07.05.2.02.0001', '2,00', '50,00', '406,00', '1.691,67', '2 / 50,00 / 406 / 1.692'],
  ])('%s: 12 = %s, 13 = %s, 14 = %s, 15 = %s [source: %s]', (kode, k12, k13, k14, k15) => {
    const x = k(kode);
    expect([n(x.k12), p(x.k13), n(x.k14), p(x.k15)]).toEqual([k12, k13, k14, k15]);
  });

  it('second indicator of a program (I-2.07.05-2): 13 = 101,63 as printed; 14/15 = 56,91 / 98,12 (source 58 / 99,41)', () => {
    const x = k('2.07.05', 'I-2.07.05-2');
    expect([n(x.k12), p(x.k13), n(x.k14), p(x.k15)]).toEqual(['56,91', '101,63', '56,91', '98,12']);
  });

  it('columns 5, 6, 7 come from the Renstra, the previous years and the year', () => {
    const x = k('2.07.01.2.01.0001');
    expect([x.k5, x.k6, x.k7, x.triwulan]).toEqual([10, 11, 2, [0, 1, null, null]]);
  });
});

describe('Tabel E.81: Rp columns (parents are sums of their children)', () => {
  it.each([
    // kode, 5, 6, 7, 12, 13, 14, 15, source printed
    ['2.07.01.2.01.0001', '96.261.085', '24.473.800', '7.500.000', '3.999.000', '53,32', '28.472.800', '29,58', '13 = 53,3'],
    ['2.07.01.2.01.0007', '582.566.511', '104.073.400', '10.000.000', '4.586.000', '45,86', '108.659.400', '18,65', '13 = 46'],
    ['2.07.01.2.01', '678.827.596', '128.547.200', '17.500.000', '8.585.000', '49,06', '137.132.200', '20,20', '13 = 49,1'],
    ['2.07.01.2.02', '34.262.021.881', '13.161.034.052', '4.843.359.600', '2.064.384.713', '42,62', '15.225.418.765', '44,44', '13 = 42,6'],
    ['2.07.01.2.02.0001', '34.194.514.491', '13.151.034.052', '4.843.359.600', '2.064.384.713', '42,62', '15.215.418.765', '44,50', 'as printed'],
    ['2.07.01.2.02.0002', '67.507.390', '10.000.000', '0', '0', '-', '10.000.000', '14,81', '13 = "-"'],
    ['2.07.02', '325.000.000', '72.497.300', '0', '0', '-', '72.497.300', '22,31', '13 = #DIV/0!'],
    // the programme's Rp 5 printed 1.462.522.500 is not the sum of its sub kegiatan (5.947.401.068): 15 printed 280,73
    ['2.07.05', '5.947.401.068', '3.036.749.700', '3.296.192.000', '1.069.008.300', '32,43', '4.105.758.000', '69,03', '13 = 32,4; 15 = 280,73'],
    ['2.07.05.2.02.0001', '2.356.007.914', '693.889.600', '180.000.000', '88.280.200', '49,04', '782.169.800', '33,20', '13 = 49,0'],
  ])('%s: 5 %s, 6 %s, 7 %s, 12 %s, 13 %s, 14 %s, 15 %s [source: %s]', (kode, rp5, rp6, rp7, rp12, rp13, rp14, rp15) => {
    const r = baris(kode).rp;
    expect([rp5, rp6, rp7, rp12, rp13, rp14, rp15]).toEqual([
      formatRupiah(r.rp5), formatRupiah(r.rp6), formatRupiah(r.rp7), formatRupiah(r.rp12),
      p(r.rp13), formatRupiah(r.rp14), p(r.rp15),
    ]);
  });

  it('quarters of a parent are sums of the children per quarter', () => {
    expect(baris('2.07.05').rp.triwulan).toEqual([0, 1_069_008_300, null, null]);
  });

  it('inactive nodes without data are left out; tree order and levels kept', () => {
    const prog = e81?.program.find((x) => x.kode === '2.07.05');
    expect(prog?.baris.map((b) => b.kode)).not.toContain('2.07.05.2.02.0099');
    expect(prog?.baris.slice(0, 3).map((b) => [b.kode, b.tingkat])).toEqual([
      ['2.07.05', 'program'],
      ['2.07.05.2.02', 'kegiatan'],
      ['2.07.05.2.02.0001', 'sub_kegiatan'],
    ]);
    expect(prog?.baris[0]?.unit_penanggung_jawab).toBe('Bidang HI');
  });
});

describe('Tabel E.81: rata-rata capaian and predikat per program, totals', () => {
  it('program 2.07.01: mean 13 K of 66,60 / 50 / 50 / 27,78 / 100 = 58,88 -> Rendah', () => {
    const r = e81?.program.find((x) => x.kode === '2.07.01')?.rata_rata;
    expect(p(r?.k13)).toBe('58,88');
    expect(r?.predikat).toBe('Rendah');
    // rows with an Rp 13: program 42,65, 49,06, 53,32, 45,86, 42,62, 42,62 (the "-" row is skipped)
    expect(p(r?.rp13)).toBe('46,02');
  });

  it('program 2.07.02: mean of the only value (0) -> Sangat Rendah; no Rp 13 at all -> "-" (source #DIV/0!)', () => {
    const r = e81?.program.find((x) => x.kode === '2.07.02')?.rata_rata;
    expect(p(r?.k13)).toBe('0,00');
    expect(r?.predikat).toBe('Sangat Rendah');
    expect(p(r?.rp13)).toBe('-');
  });

  it('totals of all programs', () => {
    expect(e81?.triwulan_evaluasi).toBe(2);
    expect(e81?.tahun_akhir_renstra).toBe(2026);
    expect(formatRupiah(e81?.total.rp7)).toBe('8.157.051.600');
    expect(formatRupiah(e81?.total.rp12)).toBe('3.141.978.013');
    expect(e81?.total.rata_rata.predikat).not.toBeUndefined();
  });

  it('diagnostics: zero targets and quarters after the evaluated one', () => {
    const codes = hasil.peringatan.map((d) => `${d.code} ${d.message.split(' ').slice(0, 4).join(' ')}`);
    expect(hasil.peringatan.filter((d) => d.code === 'TRIWULAN_SETELAH_EVALUASI').map((d) => d.message.split(' ')[0])).toEqual([
      '2.07.01.2.02',
      '2.07.05',
    ]);
    expect(codes.some((c) => c.startsWith('CAPAIAN_TARGET_NOL') && c.includes('2.07.02.2.01'))).toBe(true);
    expect(hasil.peringatan.every((d) => d.severity !== 'error')).toBe(true);
  });
});

describe('Tabel TC-29', () => {
  const tc = (kode: string, id = `I-${kode}`): BarisTc29 => {
    const b = hasil.renja.tc29?.find((x) => x.kode === kode && x.indikator === id);
    if (!b) throw new Error(id);
    return b;
  };

  it.each([
    // kode, id, 4, 5, 6, 7, 8, 9, 10, 11, printed 8 / 10 / 11
    ['2.07.03', 'I-2.07.03', 35, 41.67, 25, 28.83, '115,32', 30, '30,00', '85,71', '115,32 / 29,55 / 98,49'],
    ['2.07.03.2.01.0001', 'I-2.07.03.2.01.0001', 128, 176, 128, 117, '91,41', 128, '421,00', '328,91', '91,41 / 421 / 3,29 (a ratio)'],
    ['2.07.04', 'I-2.07.04', 72, 71.74, 72, 72.41, '100,57', 72, '72,00', '100,00', '103,44 (wrong) / 73,8 / 102,57'],
    ['2.07.04.2.01.0002', 'I-2.07.04.2.01.0002', 1, 3, 3, 1, '33,33', 1, '5,00', '500,00', '33,33 / 5 / 5,00 (a ratio)'],
    ['2.07.05', 'I-2.07.05', 82, 100, 80, 80.95, '101,19', 80, '80,00', '97,56', '101,2 / 82,75 / 103,44'],
    ['2.07.05', 'I-2.07.05-2', 58, 55.02, 56, 56.91, '101,63', 56, '56,00', '96,55', '103,5 (wrong) / 58,02 / 103,61'],
  ])('%s %s: 4 %s, 5 %s, 6 %s, 7 %s, 8 = %s, 9 %s, 10 = %s, 11 = %s [source: %s]', (kode, id, k4, k5, k6, k7, k8, k9, k10, k11) => {
    const b = tc(kode, id);
    expect([b.k4, b.k5, b.k6, b.k7, p(b.k8), b.k9, n(b.k10), p(b.k11)]).toEqual([k4, k5, k6, k7, k8, k9, k10, k11]);
  });

  it('a row without earlier data has empty history columns, never NaN', () => {
    const b = tc('2.07.01.2.01.0001');
    expect([b.k5, b.k6, b.k7, b.k8]).toEqual([null, null, null, null]);
    expect(b.k10).toBe(2);
    expect(p(b.k11)).toBe('20,00');
  });
});
