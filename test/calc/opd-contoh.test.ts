/**
 * A made-up agency (test/fixtures/opd-contoh/data: Dinas Perpustakaan dan Kearsipan Kota Contoh,
 * Renstra 2025-2029, 2026 buildable, 2025 history) run through load -> validate -> calc. Its shape
 * differs from the bundled data on purpose (other urusan and codes, 5 IKU in 3 sasaran, no Tabel 1.1,
 * a zero target), so anything agency-specific left in the code shows up here. Expected values are
 * computed by hand from the fixture's base values; the arithmetic is in the comments.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { hitungTahun } from '../../src/calc/index.js';
import type { HasilTahun } from '../../src/calc/types.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadData, type Loaded } from '../../src/load/index.js';
import { cariHasil } from './cari-hasil.js';
import type { DataSet } from '../../src/model/types.js';
import { statusTahun, validate } from '../../src/validate/index.js';
import { formatAngka, formatNilai, formatPersen, formatRupiah } from '../../src/util/format.js';

const DIR = fileURLToPath(new URL('../fixtures/opd-contoh/data', import.meta.url));

let loaded: Loaded;
let data: DataSet;
let h: HasilTahun;

beforeAll(async () => {
  loaded = await loadData(DIR);
  if (!loaded.dataSet) throw new Error('opd-contoh: base files did not load');
  data = loaded.dataSet;
  h = hitungTahun(data, 2026);
});

const { kinerja, lra, e81, e81K, tc29 } = cariHasil(() => h);

/** Every number reachable from `v`, with its path, that is NaN or +-Infinity. */
function angkaRusak(v: unknown, jalur = '$'): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [`${jalur} = ${v}`];
  if (Array.isArray(v)) return v.flatMap((x, i) => angkaRusak(x, `${jalur}[${i}]`));
  if (v instanceof Map) return [...v.entries()].flatMap(([k, x]) => angkaRusak(x, `${jalur}.${String(k)}`));
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => angkaRusak(x, `${jalur}.${k}`));
  return [];
}

describe('opd-contoh: validation', () => {
  it('validates 2026 with zero errors and zero warnings', () => {
    const ds = validate(loaded, 2026);
    const masalah = ds.filter((d) => d.severity !== 'info');
    expect(masalah.map((d) => formatDiagnostic(d, loaded.sources)).join('\n\n')).toBe('');
  });

  it('2026 is buildable, 2025 is history only', () => {
    expect(statusTahun(loaded, 2026)).toEqual({ bisaDibangun: true, kurang: [], tidakSah: [] });
    expect(statusTahun(loaded, 2025).bisaDibangun).toBe(false);
    expect(loaded.years).toEqual([2025, 2026]);
  });

  it('has the intended shape: 3 sasaran (2 utama), 5 IKU, 2 kinerja lainnya, 1 indikator tujuan, 3 programs', () => {
    const s = data.strategis;
    expect(s.sasaran.map((x) => `${x.id}:${x.jenis}`)).toEqual(['SS-1:utama', 'SS-2:utama', 'SL-1:lainnya']);
    const jenis = (j: string) => s.indikator.filter((i) => i.jenis === j).length;
    expect([jenis('tujuan'), jenis('iku'), jenis('kinerja_lainnya')]).toEqual([1, 5, 2]);
    expect(data.program.program.map((p) => [p.kode, p.kegiatan.length, p.kegiatan.flatMap((k) => k.sub_kegiatan).length])).toEqual([
      ['2.23.01', 1, 1],
      ['2.23.02', 2, 3],
      ['2.24.02', 1, 2],
    ]);
  });
});

describe('opd-contoh: capaian 2026', () => {
  // Formulasi 1 unless noted. Category scale from opd.yaml: > 90 ST, > 75 T, > 65 S, > 50 R, else SR.
  it.each([
    // id, target, realisasi, capaian, kategori
    ['IT-1', '65', '66,12', '101,72', 'Sangat Tinggi'], // 66,12 / 65 (Renstra target, no PK)
    ['IKU-1', '66', '68,37', '103,59', 'Sangat Tinggi'], // 68,37 / 66
    ['IKU-2', '22', '16,9', '76,82', 'Tinggi'], // 16,9 / 22
    ['IKU-3', '40', '46,2', '84,50', 'Tinggi'], // Formulasi 2: (40 - (46,2 - 40)) / 40
    ['IKU-4', '75', '52,8', '70,40', 'Sedang'], // 52,8 / 75
    ['IKL-1', '72,5', '74,18', '102,32', 'Sangat Tinggi'], // PK P-APBD target 72,5 wins over APBD 72
    ['IKL-2', '95', '96,86', '101,96', 'Sangat Tinggi'],
  ])('%s: target %s, realisasi %s -> capaian %s (%s)', (id, target, realisasi, capaian, kat) => {
    const b = kinerja(id);
    expect([formatNilai(b.target), formatNilai(b.realisasi)]).toEqual([target, realisasi]);
    expect(formatPersen(b.capaian)).toBe(capaian);
    expect(b.kategori).toBe(kat);
  });

  it('IKU-3 (rendah_baik) uses Formulasi 2 and is worse than target yet still "Tinggi"', () => {
    const b = kinerja('IKU-3');
    expect(b.polaritas).toBe('rendah_baik');
    expect(b.rumus).toBe('formulasi_2');
    expect(b.capaian).toBeCloseTo(84.5, 10);
    // 2025: (44 - (43,1 - 44)) / 44 = 102,05; the rise 43,1 -> 46,2 is bad news for a rendah_baik value.
    expect(formatPersen(b.riwayat.find((r) => r.tahun === 2025)?.capaian)).toBe('102,05');
    expect([formatAngka(b.selisih_tahun_lalu, 2), b.arah, b.membaik]).toEqual(['3,10', 'naik', false]);
  });

  it('IKU-5 has a zero target: capaian null ("-"), no category, and one CAPAIAN_TARGET_NOL warning', () => {
    const b = kinerja('IKU-5');
    expect([b.target, b.realisasi, b.capaian, b.kategori]).toEqual([0, 0, null, null]);
    expect(formatPersen(b.capaian)).toBe('-');
    const w = h.peringatan.filter((d) => d.code === 'CAPAIAN_TARGET_NOL');
    expect(w).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('IKU-5 (2026)') })]);
    // The only calculator diagnostic of the year.
    expect(h.peringatan.map((d) => d.code)).toEqual(['CAPAIAN_TARGET_NOL']);
  });

  it('IKU-5 is cumulative: against the end-of-Renstra target it counts 2025 + 2026 (Tabel 3.1.3.b)', () => {
    const b = kinerja('IKU-5');
    // (262 + 0) / 1.150; selisih 262 - 1.150. This year's 0 alone would give a kemajuan of 0.
    expect([formatPersen(b.kemajuan), formatNilai(b.selisih_target_akhir)]).toEqual(['22,78', '-888']);
  });

  it.each([
    // id, target akhir, selisih, kemajuan (not cumulative: the 2026 value)
    ['IKU-1', '72', '-3,63', '94,96'], // 68,37 / 72
    ['IKU-3', '25', '21,2', '15,20'], // rendah_baik: (25 - (46,2 - 25)) / 25
  ])('%s against target akhir %s: selisih %s, kemajuan %s', (id, akhir, selisih, kemajuan) => {
    const b = kinerja(id);
    expect([formatNilai(b.target_akhir), formatNilai(b.selisih_target_akhir), formatPersen(b.kemajuan)]).toEqual([akhir, selisih, kemajuan]);
  });

  it('averages skip the indicator without capaian', () => {
    // (103,5909 + 76,8182 + 84,5 + 70,4) / 4 = 83,83: IKU-5 is not counted as 0.
    expect(h.kinerja.rata_rata.iku.jumlah).toBe(4);
    expect(formatPersen(h.kinerja.rata_rata.iku.capaian)).toBe('83,83');
    expect(h.kinerja.rata_rata.iku.kategori).toBe('Tinggi');
    // (102,3172 + 101,9579) / 2
    expect(formatPersen(h.kinerja.rata_rata.lainnya.capaian)).toBe('102,14');
  });

  it('grades IKL-1 on its own scale and takes the PK P-APBD target', () => {
    const b = kinerja('IKL-1');
    expect([b.sumber_target, b.target_pk_apbd, b.target_pk_papbd]).toEqual(['pk_papbd', 72, 72.5]);
    expect([b.predikat_target, b.predikat_realisasi]).toEqual(['BB', 'BB']);
  });

  it.each([
    // program indicator, capaian (3.1.3.a.2)
    ['I-2.23.01', '100,00'], // 100 / 100
    ['I-2.23.02', '108,75'], // 43,5 / 40
    ['I-2.24.02', '110,86'], // rendah_baik: (35 - (31,2 - 35)) / 35
  ])('program indicator %s: capaian %s', (id, capaian) => {
    expect(formatPersen(kinerja(id).capaian)).toBe(capaian);
  });
});

describe('opd-contoh: money 2026', () => {
  it.each([
    // kode, anggaran, realisasi (5 + 7), sisa, % realisasi, % dari total
    ['2.23.01', '3.874.215.300', '3.800.209.050', '74.006.250', '98,09', '72,19'],
    ['2.23.01.2.02', '3.874.215.300', '3.800.209.050', '74.006.250', '98,09', '72,19'],
    ['2.23.02', '1.111.550.000', '1.059.699.450', '51.850.550', '95,34', '20,71'],
    ['2.23.02.2.01', '949.250.000', '910.248.250', '39.001.750', '95,89', '17,69'],
    ['2.23.02.2.01.0005', '712.500.000', '689.252.500', '23.247.500', '96,74', '13,28'],
    ['2.23.02.2.01.0011', '236.750.000', '220.995.750', '15.754.250', '93,35', '4,41'],
    ['2.23.02.2.02', '162.300.000', '149.451.200', '12.848.800', '92,08', '3,02'],
    ['2.24.02', '380.600.000', '337.743.400', '42.856.600', '88,74', '7,09'],
    ['2.24.02.2.01.0001', '96.000.000', '77.390.000', '18.610.000', '80,61', '1,79'],
    ['2.24.02.2.01.0003', '284.600.000', '260.353.400', '24.246.600', '91,48', '5,30'],
    ['', '5.366.365.300', '5.197.651.900', '168.713.400', '96,86', '100,00'], // total OPD
  ])('LRA %s: anggaran %s, realisasi %s, sisa %s, %s %% (%s %% of total)', (kode, anggaran, realisasi, sisa, persen, dariTotal) => {
    const b = lra(kode);
    expect([formatRupiah(b.anggaran), formatRupiah(b.realisasi), formatRupiah(b.sisa)]).toEqual([anggaran, realisasi, sisa]);
    expect([formatPersen(b.persen_realisasi), formatPersen(b.persen_dari_total)]).toEqual([persen, dariTotal]);
  });

  it('LRA programs add up to the OPD total; IKL-2 matches the LRA', () => {
    const program = h.anggaran.lra?.baris.filter((b) => b.tingkat === 'program') ?? [];
    expect(program.map((b) => b.kode)).toEqual(['2.23.01', '2.23.02', '2.24.02']);
    expect(program.reduce((s, b) => s + b.anggaran, 0)).toBe(5366365300);
    expect(program.reduce((s, b) => s + b.realisasi, 0)).toBe(5197651900);
    expect(formatPersen(h.anggaran.opd.persen_realisasi)).toBe(formatPersen(kinerja('IKL-2').realisasi));
    expect(formatPersen(h.anggaran.opd.persen_efisiensi)).toBe('3,14');
  });

  it.each([
    // sasaran, anggaran, % realisasi, % efisiensi (3.2.b / 3.3.a)
    ['SS-1', '1.111.550.000', '95,34', '4,66'],
    ['SS-2', '380.600.000', '88,74', '11,26'],
    ['SL-1', '3.874.215.300', '98,09', '1,91'],
  ])('sasaran %s: anggaran %s, realisasi %s %%, efisiensi %s %%', (id, anggaran, real, efisiensi) => {
    const s = h.sasaran.find((x) => x.id === id);
    expect([formatRupiah(s?.anggaran.anggaran), formatPersen(s?.anggaran.persen_realisasi), formatPersen(s?.anggaran.persen_efisiensi)]).toEqual([
      anggaran,
      real,
      efisiensi,
    ]);
  });

  it('PK overview: APBD 5.426.450.000 -> P-APBD 5.366.365.300', () => {
    expect([formatRupiah(h.anggaran.pk?.total_apbd), formatRupiah(h.anggaran.pk?.total_papbd), formatRupiah(h.anggaran.pk?.selisih)]).toEqual([
      '5.426.450.000',
      '5.366.365.300',
      '-60.084.700',
    ]);
  });
});

describe('opd-contoh: Renja 2026 (E.81 evaluated up to TW III, TC-29)', () => {
  it('E.81 evaluates up to triwulan III over the Renstra ending 2029', () => {
    expect([h.renja.e81?.triwulan_evaluasi, h.renja.e81?.tahun_akhir_renstra]).toEqual([3, 2029]);
  });

  it('cumulative count I-2.23.02.2.01.0005 (eksemplar): column 12 is the sum of the quarters', () => {
    const k = e81K('2.23.02.2.01.0005', 'I-2.23.02.2.01.0005');
    expect(k.kumulatif).toBe(true);
    expect(k.triwulan).toEqual([0, 1150, 865, null]);
    expect(formatAngka(k.k12)).toBe('2.015'); // 0 + 1.150 + 865
    expect(formatPersen(k.k13)).toBe('83,96'); // 2.015 / 2.400
    expect(formatAngka(k.k6)).toBe('2.310'); // realisasi 2025 (data/2025/program.yaml)
    expect(formatAngka(k.k14)).toBe('4.325'); // 2.310 + 2.015
    expect(formatPersen(k.k15)).toBe('36,04'); // 4.325 / 12.000
  });

  it.each([
    // kode, indikator, k12, k13, k14, k15
    ['2.23.01.2.02.0001', 'I-2.23.01.2.02.0001', '41', '97,62', '41', '97,62'], // not cumulative: latest quarter
    ['2.23.02.2.01.0011', 'I-2.23.02.2.01.0011', '6.955', '77,28', '15.095', '35,94'], // 2.105 + 2.460 + 2.390; 8.140 + 6.955
    ['2.24.02', 'I-2.24.02', '33,7', '103,71', '33,7', '31,50'], // rendah_baik: (35 - (33,7 - 35)) / 35; (20 - (33,7 - 20)) / 20
    ['2.24.02.2.01.0003', 'I-2.24.02.2.01.0003', '1.155', '77,00', '2.575', '34,33'],
  ])('E.81 %s %s: k12 %s, k13 %s, k14 %s, k15 %s', (kode, id, k12, k13, k14, k15) => {
    const k = e81K(kode, id);
    expect([formatNilai(k.k12), formatPersen(k.k13), formatNilai(k.k14), formatPersen(k.k15)]).toEqual([
      k12,
      k13,
      k14,
      k15,
    ]);
  });

  it.each([
    // kode, rp6 (realisasi 2025), rp7 (pagu APBD 2026), rp12 (TW I-III), rp13
    ['2.23.02.2.01.0005', '616.795.500', '685.000.000', '464.160.500', '67,76'],
    ['2.23.02.2.01', '835.020.750', '933.000.000', '622.926.250', '66,77'], // parent = sum of its two children
    ['2.23.02', '976.596.150', '1.108.000.000', '739.402.450', '66,73'],
    ['2.24.02', '349.595.500', '406.000.000', '243.698.400', '60,02'],
  ])('E.81 Rp %s: rp6 %s, rp7 %s, rp12 %s, rp13 %s', (kode, rp6, rp7, rp12, rp13) => {
    const r = e81(kode).rp;
    expect([formatRupiah(r.rp6), formatRupiah(r.rp7), formatRupiah(r.rp12), formatPersen(r.rp13)]).toEqual([rp6, rp7, rp12, rp13]);
  });

  it.each([
    // program, rata-rata k13, predikat
    ['2.23.01', '92,05', 'Sangat Tinggi'],
    ['2.23.02', '82,91', 'Tinggi'],
    ['2.24.02', '85,32', 'Tinggi'],
  ])('E.81 program %s: rata-rata capaian kinerja %s (%s)', (kode, rata, predikat) => {
    const p = h.renja.e81?.program.find((x) => x.kode === kode);
    expect([formatPersen(p?.rata_rata.k13), p?.rata_rata.predikat]).toEqual([rata, predikat]);
  });

  it.each([
    // indikator, k5 (s.d. 2024: before the data), k6, k7, k8, k9, k10, k11
    ['I-2.23.02.2.01.0005', '-', '2.200', '2.310', '105,00', '2.400', '4.710', '39,25'], // cumulative: 2.310 + 2.400
    ['I-2.24.02', '-', '42', '40,5', '103,57', '35', '35', '25,00'], // rendah_baik, latest value: (20 - (35 - 20)) / 20
  ])('TC-29 %s: %s | %s %s %s | %s | %s %s', (id, k5, k6, k7, k8, k9, k10, k11) => {
    const b = tc29(id);
    const n = formatNilai;
    expect([n(b.k5), n(b.k6), n(b.k7), formatPersen(b.k8), n(b.k9), n(b.k10), formatPersen(b.k11)]).toEqual([k5, k6, k7, k8, k9, k10, k11]);
  });
});

describe('opd-contoh: no NaN or Infinity', () => {
  // Walks the result object itself: JSON.stringify would silently turn NaN/Infinity into null.
  it('anywhere in the result of 2026, nor of the history year 2025', () => {
    expect(angkaRusak(h)).toEqual([]);
    expect(angkaRusak(hitungTahun(data, 2025))).toEqual([]);
  });
});
