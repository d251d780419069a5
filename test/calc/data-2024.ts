/**
 * Base values of the source document (LKJIP 2024 of Disnaker Kab. Mojokerto), typed with the
 * model, as literal inputs for the calculator's unit tests. Only base values: every derived
 * figure is asserted in the tests, where the source's printed value is quoted.
 */
import type {
  BarisLra,
  DataSet,
  DataTahun,
  Indikator,
  KinerjaTahun,
  Opd,
  RenstraProgram,
  RenstraStrategis,
} from '../../src/model/types.js';

export const opd: Opd = {
  nama: 'Dinas Tenaga Kerja',
  nama_lengkap: 'Dinas Tenaga Kerja Kabupaten Mojokerto',
  pemerintah_daerah: 'Pemerintah Kabupaten Mojokerto',
  daerah: 'Kabupaten Mojokerto',
  kota: 'Mojokerto',
  kepala: { nama: 'Kepala', jabatan: 'Kepala Dinas' },
  kepala_daerah: { nama: 'Bupati', jabatan: 'Bupati Mojokerto' },
};

/** PermenPAN-RB 88/2021 grades: AA >90, A >80, BB >70, B >60, CC >50, C >30, D. */
export const PREDIKAT_SAKIP: NonNullable<Indikator['predikat']> = [
  { predikat: 'AA', lebih_dari: 90 },
  { predikat: 'A', lebih_dari: 80 },
  { predikat: 'BB', lebih_dari: 70 },
  { predikat: 'B', lebih_dari: 60 },
  { predikat: 'CC', lebih_dari: 50 },
  { predikat: 'C', lebih_dari: 30 },
  { predikat: 'D', lebih_dari: null },
];

function ind(
  id: string,
  jenis: Indikator['jenis'],
  polaritas: Indikator['polaritas'],
  target: Record<string, number>,
  target_akhir: number | undefined,
  lain: Partial<Indikator> = {},
): Indikator {
  const akhir = target_akhir === undefined ? {} : { target_akhir };
  return { id, nama: id, jenis, satuan: '%', polaritas, kumulatif: false, target, ...akhir, ...lain };
}

/** Targets: Tabel III.1 and 3.1.3.a.1; end targets: Tabel 3.1.3.b. */
export const strategis: RenstraStrategis = {
  periode: { awal: 2021, akhir: 2026 },
  visi: 'visi',
  misi: [{ nomor: 2, uraian: 'misi' }],
  tujuan: [{ id: 'T-1', uraian: 'tujuan', indikator: ['IT-1'] }],
  sasaran: [
    { id: 'SS-1', uraian: 'kualitas tenaga kerja', tujuan: 'T-1', jenis: 'utama', indikator: ['IKU-1', 'IKU-2'], program: ['2.07.03', '2.07.04'] },
    { id: 'SS-2', uraian: 'hubungan industrial', tujuan: 'T-1', jenis: 'utama', indikator: ['IKU-3', 'IKU-4'], program: ['2.07.05'] },
    { id: 'SL-1', uraian: 'tata kelola', jenis: 'lainnya', indikator: ['IKL-1', 'IKL-2', 'IKL-3'], program: ['2.07.01'] },
    { id: 'SL-2', uraian: 'inovasi', jenis: 'lainnya', indikator: ['IKL-4'], program: [] },
  ],
  indikator: [
    ind('IT-1', 'tujuan', 'rendah_baik', { 2022: 5.42, 2023: 5.09, 2024: 4.76 }, undefined),
    ind('IKU-1', 'iku', 'tinggi_baik', { 2022: 85, 2023: 85, 2024: 87 }, 90),
    ind('IKU-2', 'iku', 'tinggi_baik', { 2022: 82, 2023: 84, 2024: 86 }, 86),
    ind('IKU-3', 'iku', 'rendah_baik', { 2022: 6, 2023: 5, 2024: 3.5 }, 4),
    ind('IKU-4', 'iku', 'tinggi_baik', { 2022: 51, 2023: 51, 2024: 86 }, 53),
    ind('IKL-1', 'kinerja_lainnya', 'tinggi_baik', { 2022: 83.9, 2023: 84.4, 2024: 83.5 }, 85.9, {
      satuan: 'nilai',
      predikat: PREDIKAT_SAKIP,
    }),
    ind('IKL-2', 'kinerja_lainnya', 'tinggi_baik', { 2022: 90, 2023: 90, 2024: 90 }, 90),
    // Renstra 2024 target 75 (TC-29); PK APBD 82, PK P-APBD 86: the P-APBD one applies.
    ind('IKL-3', 'kinerja_lainnya', 'tinggi_baik', { 2022: 75, 2023: 75, 2024: 75 }, 75, { satuan: 'indeks' }),
    ind('IKL-4', 'kinerja_lainnya', 'tinggi_baik', { 2022: 1, 2023: 1, 2024: 2 }, 1, { satuan: 'inovasi', kumulatif: false }),
  ],
};

export const programRenstra: RenstraProgram = {
  program: [
    { kode: '2.07.01', nama: 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', indikator: [], kegiatan: [] },
    { kode: '2.07.03', nama: 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja', indikator: [], kegiatan: [] },
    { kode: '2.07.04', nama: 'Program Penempatan Tenaga Kerja', indikator: [], kegiatan: [] },
    { kode: '2.07.05', nama: 'Program Hubungan Industrial', indikator: [], kegiatan: [] },
  ],
  indikator: [],
};

/** Realisations of Tabel III.1 and 3.1.3.a.1. */
function kinerja(tahun: number, nilai: Record<string, number | null>): KinerjaTahun {
  return { tahun, indikator: Object.entries(nilai).map(([id, realisasi]) => ({ id, realisasi })) };
}

export const kinerja2022 = kinerja(2022, {
  'IT-1': 4.83, 'IKU-1': 85.06, 'IKU-2': 82.1, 'IKU-3': 2.15, 'IKU-4': 55.47,
  'IKL-1': 72.11, 'IKL-2': 86.63, 'IKL-3': 79.62, 'IKL-4': 1,
});
export const kinerja2023 = kinerja(2023, {
  // IKU-2: Tabel 3.1.3.a.1 prints 84,83; the prose below it says 84,43.
  'IT-1': 4.67, 'IKU-1': 85.21, 'IKU-2': 84.83, 'IKU-3': 2.25, 'IKU-4': 85.84,
  'IKL-1': 83.01, 'IKL-2': 89.09, 'IKL-3': 86, 'IKL-4': 2,
});
export const kinerja2024 = kinerja(2024, {
  // IKL-3: Tabel 3.1.a prints 86,00; Tabel 3.1.3.a.1 says "Proses di BKSDM".
  'IT-1': 3.87, 'IKU-1': 89.6, 'IKU-2': 86.21, 'IKU-3': 1.5, 'IKU-4': 87.02,
  'IKL-1': 81.3, 'IKL-2': 90.77, 'IKL-3': 86, 'IKL-4': 2,
});

function lra(kode: string, anggaran: number, rencana_sd: number, realisasi_sd: number, rencana_akhir: number, realisasi_akhir: number): BarisLra {
  return { kode, anggaran, rencana_sd, realisasi_sd, rencana_akhir, realisasi_akhir };
}

/** TABEL LRA TW IV 2024, leaf lines only (parents are computed); "-" is 0. */
export const lraBaris2024: BarisLra[] = [
  lra('2.07.01.2.01.0001', 7_500_000, 6_680_300, 6_241_100, 819_700, 775_000),
  lra('2.07.01.2.01.0007', 10_000_000, 9_000_400, 8_894_200, 999_600, 875_000),
  lra('2.07.01.2.02.0001', 4_847_392_600, 4_595_264_477, 3_536_004_542, 252_128_123, 477_290_582),
  lra('2.07.01.2.06.0002', 50_000_000, 49_772_100, 46_502_000, 227_900, 0),
  lra('2.07.01.2.06.0004', 8_600_000, 7_380_000, 7_042_500, 1_220_000, 1_350_000),
  lra('2.07.01.2.06.0005', 20_000_000, 19_812_900, 15_369_600, 187_100, 1_275_000),
  lra('2.07.01.2.06.0007', 16_960_000, 16_960_000, 13_398_400, 0, 0),
  lra('2.07.01.2.06.0009', 32_600_000, 29_600_000, 28_750_000, 3_000_000, 3_850_000),
  lra('2.07.01.2.08.0002', 70_000_000, 64_154_026, 62_451_633, 5_845_974, 5_500_414),
  lra('2.07.01.2.08.0004', 126_000_000, 115_500_000, 115_500_000, 10_500_000, 10_500_000),
  lra('2.07.01.2.09.0002', 55_000_000, 48_678_100, 46_948_300, 6_321_900, 4_030_300),
  lra('2.07.01.2.09.0009', 0, 0, 0, 0, 0),
  lra('2.07.01.2.09.0010', 15_000_000, 13_167_600, 14_993_800, 1_832_400, 0),
  lra('2.07.03.2.01.0001', 740_160_240, 740_160_240, 697_197_800, 0, 5_100_000),
  lra('2.07.03.2.02.0001', 20_124_100, 20_124_100, 11_421_000, 0, 3_250_000),
  lra('2.07.04.2.01.0002', 90_000_000, 90_000_000, 77_792_904, 0, 1_700_000),
  lra('2.07.04.2.01.0005', 25_000_000, 25_000_000, 19_669_600, 0, 2_010_000),
  lra('2.07.04.2.03.0003', 175_000_000, 175_000_000, 157_590_400, 0, 5_600_000),
  lra('2.07.04.2.04.0001', 50_000_000, 50_000_000, 23_033_700, 0, 16_845_000),
  lra('2.07.05.2.02.0001', 180_000_000, 155_520_000, 111_781_200, 24_480_000, 63_830_000),
  lra('2.07.05.2.02.0002', 25_000_000, 24_375_000, 15_342_000, 625_000, 8_255_200),
  lra('2.07.05.2.02.0004', 45_000_000, 45_000_000, 7_649_700, 0, 37_210_500),
  lra('2.07.05.2.02.0005', 3_950_749_900, 3_913_278_300, 3_404_198_850, 37_471_600, 508_008_800),
];

/** Parent lines as the data may give them (values ignored: parents are sums of their children). */
export const lraInduk2024: BarisLra[] = [
  '2.07.01', '2.07.01.2.01', '2.07.01.2.02', '2.07.01.2.06', '2.07.01.2.08', '2.07.01.2.09',
  '2.07.03', '2.07.03.2.01', '2.07.03.2.02', '2.07.04', '2.07.04.2.01', '2.07.04.2.03', '2.07.04.2.04',
  '2.07.05', '2.07.05.2.02',
].map((kode) => lra(kode, 1, 1, 1, 1, 1));

export const tahun2024: DataTahun = {
  tahun: 2024,
  kinerja: kinerja2024,
  pk: {
    tahun: 2024,
    apbd: {
      target: [
        { indikator: 'IKU-1', target: 87 }, { indikator: 'IKU-2', target: 86 },
        { indikator: 'IKU-3', target: 3.5 }, { indikator: 'IKU-4', target: 86 },
        { indikator: 'IKL-1', target: 83.5 }, { indikator: 'IKL-2', target: 90 },
        { indikator: 'IKL-3', target: 82 }, { indikator: 'IKL-4', target: 2 },
      ],
      anggaran: [
        { program: '2.07.01', anggaran: 5_405_019_800 },
        { program: '2.07.03', anggaran: 897_700_000 },
        { program: '2.07.04', anggaran: 340_000_000 },
        { program: '2.07.05', anggaran: 3_221_192_000 },
      ],
    },
    papbd: {
      target: [
        { indikator: 'IKU-1', target: 87 }, { indikator: 'IKU-2', target: 86 },
        { indikator: 'IKU-3', target: 3.5 }, { indikator: 'IKU-4', target: 86 },
        { indikator: 'IKL-1', target: 83.5 }, { indikator: 'IKL-2', target: 90 },
        { indikator: 'IKL-3', target: 86 }, { indikator: 'IKL-4', target: 2 },
      ],
      anggaran: [
        { program: '2.07.01', anggaran: 5_259_052_600 },
        // PK P-APBD prints 740.160.240; the LRA's program total is 760.284.340.
        { program: '2.07.03', anggaran: 740_160_240 },
        { program: '2.07.04', anggaran: 340_000_000, keterangan: 'APBD' },
        { program: '2.07.05', anggaran: 4_200_749_900 },
      ],
    },
  },
  lra: {
    tahun: 2024,
    periode: 'Triwulan IV',
    bulan_sd: 'November',
    bulan_akhir: 'Desember',
    baris: [...lraInduk2024, ...lraBaris2024],
  },
  narasi: {},
};

/** A fresh deep copy each call, so a test may change it freely. */
export function dataSet2024(): DataSet {
  return structuredClone({
    opd,
    strategis,
    program: programRenstra,
    tahun: new Map<number, DataTahun>([
      [2022, { tahun: 2022, kinerja: kinerja2022, narasi: {} }],
      [2023, { tahun: 2023, kinerja: kinerja2023, narasi: {} }],
      [2024, tahun2024],
    ]),
  });
}
