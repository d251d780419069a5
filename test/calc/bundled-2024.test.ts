/**
 * The bundled data/ (LKJIP and P-Renja 2024 of Dinas Tenaga Kerja Kabupaten Mojokerto) loaded from
 * the real YAML files and run through the calculator: every table with computed columns is pinned
 * here as the document prints it (Indonesian format, src/util/format.ts). The calculator never copies
 * a derived figure: where the source prints another number, a comment quotes it ("sumber: ...").
 * Unit tests of the same rules on literal inputs are in kinerja.test.ts, anggaran.test.ts and
 * renja.test.ts; this file catches a change in the data files or in the wiring between them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { hitungTahun } from '../../src/calc/index.js';
import type { HasilTahun } from '../../src/calc/types.js';
import { loadData } from '../../src/load/index.js';
import { cariHasil } from './cari-hasil.js';
import { formatNilai, formatPersen, formatRupiah } from '../../src/util/format.js';
import { validate } from '../../src/validate/index.js';
import { buatDataSintetis } from '../bench/sintetis.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));

let h: HasilTahun;

beforeAll(async () => {
  const loaded = await loadData(DATA);
  if (!loaded.dataSet) throw new Error('data/: base files did not load');
  h = hitungTahun(loaded.dataSet, 2024);
});

const { kinerja, sasaran, lra, e81, e81K, tc29 } = cariHasil(() => h);

describe('bundled 2024: indikator tujuan (Tabel III.1)', () => {
  it('TPT IT-1: target 4,76, realisasi 3,87, capaian 118,70 (Formulasi 2)', () => {
    // (4,76 - (3,87 - 4,76)) / 4,76 x 100 = 5,65 / 4,76 x 100. The source prints no capaian for TPT.
    const b = kinerja('IT-1');
    expect([formatNilai(b.target), formatNilai(b.realisasi), formatPersen(b.capaian), b.kategori]).toEqual(['4,76', '3,87', '118,70', 'Sangat Tinggi']);
    expect(b.riwayat.map((r) => [r.tahun, formatNilai(r.target), formatNilai(r.realisasi)])).toEqual([
      [2022, '5,42', '4,83'],
      [2023, '5,09', '4,67'],
      [2024, '4,76', '3,87'],
    ]);
  });
});

describe('bundled 2024: Tabel 3.1.a (capaian and kategori)', () => {
  it.each([
    // id, target, realisasi, capaian, kategori, printed capaian
    ['IKU-1', '87', '89,6', '102,99', 'Sangat Tinggi'], // sumber: Tabel 3.1.a dan narasi mencetak 102,9
    ['IKU-2', '86', '86,21', '100,24', 'Sangat Tinggi'], // sumber: mencetak 100,2
    ['IKU-3', '3,5', '1,5', '157,14', 'Sangat Tinggi'], // Formulasi 2; sumber: mencetak 157
    ['IKU-4', '86', '87,02', '101,19', 'Sangat Tinggi'], // sumber: mencetak 101
    ['IKL-1', '83,5', '81,3', '97,37', 'Sangat Tinggi'], // sumber: mencetak 97,4
    ['IKL-2', '90', '90,77', '100,86', 'Sangat Tinggi'], // sumber: mencetak 100,8 (100,855... terpotong)
    ['IKL-3', '86', '86', '100,00', 'Sangat Tinggi'], // sumber: mencetak 100
    ['IKL-4', '2', '2', '100,00', 'Sangat Tinggi'], // sumber: mencetak 100
  ])('%s: target %s, realisasi %s -> capaian %s (%s)', (id, target, realisasi, capaian, kat) => {
    const b = kinerja(id);
    expect([formatNilai(b.target), formatNilai(b.realisasi), formatPersen(b.capaian), b.kategori]).toEqual([target, realisasi, capaian, kat]);
  });

  it('grades IKL-1 on its own scale: 83,50 (A) / 81,30 (A)', () => {
    const b = kinerja('IKL-1');
    expect([b.predikat_target, b.predikat_realisasi]).toEqual(['A', 'A']);
  });

  it('rata-rata capaian IKU 115,39 (Sangat Tinggi)', () => {
    // (102,9885 + 100,2442 + 157,1429 + 101,1860) / 4. sumber: narasi 3.1.2 mencetak 155,3 %.
    expect(formatPersen(h.kinerja.rata_rata.iku.capaian)).toBe('115,39');
    expect(h.kinerja.rata_rata.iku.kategori).toBe('Sangat Tinggi');
    expect(formatPersen(h.kinerja.rata_rata.lainnya.capaian)).toBe('99,56');
  });
});

describe('bundled 2024: Tabel 3.1.3.b (against the end-of-Renstra target)', () => {
  // Kemajuan = capaian of realisasi 2024 against target akhir with the indicator's own formula
  // (100 = end target reached); selisih = realisasi - target akhir. The source mixes both kinds of
  // figure in one column, quoted per row.
  it.each([
    // id, target akhir, selisih, kemajuan
    ['IKU-1', '90', '-0,4', '99,56'], // sumber: mencetak 0,4 (selisih)
    ['IKU-2', '86', '0,21', '100,24'], // sumber: mencetak 0,24
    ['IKU-3', '4', '-2,5', '162,50'], // Formulasi 2: (4 - (1,5 - 4)) / 4; sumber: mencetak 62,5
    ['IKU-4', '53', '34,02', '164,19'], // sumber: mencetak 64,1
    ['IKL-1', '85,9', '-4,6', '94,64'], // sumber: mencetak -5,35
    ['IKL-2', '90', '0,77', '100,86'], // sumber: mencetak 0,77 (selisih)
    ['IKL-3', '75', '11', '114,67'], // sumber: mencetak (+)11 (selisih)
    ['IKL-4', '1', '1', '200,00'], // sumber: mencetak "2 Inovasi"
  ])('%s: target akhir %s, selisih %s, kemajuan %s', (id, akhir, selisih, kemajuan) => {
    const b = kinerja(id);
    expect([formatNilai(b.target_akhir), formatNilai(b.selisih_target_akhir), formatPersen(b.kemajuan)]).toEqual([akhir, selisih, kemajuan]);
  });
});

describe('bundled 2024: Tabel 3.2.a (budget per sasaran, share of the total)', () => {
  it.each([
    // sasaran, program, anggaran, % dari total
    ['SS-1', '2.07.03', '760.284.340', '7,20'], // sumber: mencetak 7,2%
    ['SS-1', '2.07.04', '340.000.000', '3,22'], // sumber: mencetak 3,21
    ['SS-2', '2.07.05', '4.200.749.900', '39,78'], // sumber: mencetak 39,77
    ['SL-1', '2.07.01', '5.259.052.600', '49,80'],
  ])('%s / %s: %s (%s %% of 10.560.086.840)', (id, kode, anggaran, share) => {
    const p = sasaran(id).program.find((x) => x.kode === kode);
    expect([formatRupiah(p?.anggaran), formatPersen(p?.persen_dari_total)]).toEqual([anggaran, share]);
  });

  it('SL-2 (inovasi) has no programs: anggaran 0, 0 % of the total, as printed', () => {
    const s = sasaran('SL-2');
    expect([s.program, formatRupiah(s.anggaran.anggaran), formatPersen(s.anggaran.persen_dari_total)]).toEqual([[], '0', '0,00']);
  });

  it('the shares of all sasaran add up to 100', () => {
    const jumlah = h.sasaran.reduce((t, s) => t + (s.anggaran.persen_dari_total ?? 0), 0);
    expect(jumlah).toBeCloseTo(100, 9);
  });
});

describe('bundled 2024: Tabel LRA (TW IV)', () => {
  // Every printed row, in print order ('' = the OPD total). Columns 3, 9 = 5 + 7, 11 = 3 - 9, 12 = 9 / 3.
  it.each([
    // kode, anggaran (3), realisasi (9), sisa (11), % realisasi total (12)
    ['', '10.560.086.840', '9.585.029.025', '975.057.815', '90,77'],
    ['2.07.01', '5.259.052.600', '4.407.542.371', '851.510.229', '83,81'],
    ['2.07.01.2.01', '17.500.000', '16.785.300', '714.700', '95,92'],
    ['2.07.01.2.01.0001', '7.500.000', '7.016.100', '483.900', '93,55'],
    ['2.07.01.2.01.0007', '10.000.000', '9.769.200', '230.800', '97,69'],
    ['2.07.01.2.02', '4.847.392.600', '4.013.295.124', '834.097.476', '82,79'],
    ['2.07.01.2.02.0001', '4.847.392.600', '4.013.295.124', '834.097.476', '82,79'],  // sumber: LRA mencetak 72,95 (sama dengan kegiatannya: 82,79)
    ['2.07.01.2.06', '128.160.000', '117.537.500', '10.622.500', '91,71'],
    ['2.07.01.2.06.0002', '50.000.000', '46.502.000', '3.498.000', '93,00'],
    ['2.07.01.2.06.0004', '8.600.000', '8.392.500', '207.500', '97,59'],
    ['2.07.01.2.06.0005', '20.000.000', '16.644.600', '3.355.400', '83,22'],
    ['2.07.01.2.06.0007', '16.960.000', '13.398.400', '3.561.600', '79,00'],
    ['2.07.01.2.06.0009', '32.600.000', '32.600.000', '0', '100,00'],
    ['2.07.01.2.08', '196.000.000', '193.952.047', '2.047.953', '98,96'],
    ['2.07.01.2.08.0002', '70.000.000', '67.952.047', '2.047.953', '97,07'],
    ['2.07.01.2.08.0004', '126.000.000', '126.000.000', '0', '100,00'],
    ['2.07.01.2.09', '70.000.000', '65.972.400', '4.027.600', '94,25'],
    ['2.07.01.2.09.0002', '55.000.000', '50.978.600', '4.021.400', '92,69'],
    ['2.07.01.2.09.0009', '0', '0', '0', '-'],  // dicetak "-" di semua kolom
    ['2.07.01.2.09.0010', '15.000.000', '14.993.800', '6.200', '99,96'],
    ['2.07.03', '760.284.340', '716.968.800', '43.315.540', '94,30'],
    ['2.07.03.2.01', '740.160.240', '702.297.800', '37.862.440', '94,88'],
    ['2.07.03.2.01.0001', '740.160.240', '702.297.800', '37.862.440', '94,88'],
    ['2.07.03.2.02', '20.124.100', '14.671.000', '5.453.100', '72,90'],
    ['2.07.03.2.02.0001', '20.124.100', '14.671.000', '5.453.100', '72,90'],
    ['2.07.04', '340.000.000', '304.241.604', '35.758.396', '89,48'],
    ['2.07.04.2.01', '115.000.000', '101.172.504', '13.827.496', '87,98'],
    ['2.07.04.2.01.0002', '90.000.000', '79.492.904', '10.507.096', '88,33'],
    ['2.07.04.2.01.0005', '25.000.000', '21.679.600', '3.320.400', '86,72'],
    ['2.07.04.2.03', '175.000.000', '163.190.400', '11.809.600', '93,25'],
    ['2.07.04.2.03.0003', '175.000.000', '163.190.400', '11.809.600', '93,25'],
    ['2.07.04.2.04', '50.000.000', '39.878.700', '10.121.300', '79,76'],
    ['2.07.04.2.04.0001', '50.000.000', '39.878.700', '10.121.300', '79,76'],
    ['2.07.05', '4.200.749.900', '4.156.276.250', '44.473.650', '98,94'],
    ['2.07.05.2.02', '4.200.749.900', '4.156.276.250', '44.473.650', '98,94'],
    ['2.07.05.2.02.0001', '180.000.000', '175.611.200', '4.388.800', '97,56'],
    ['2.07.05.2.02.0002', '25.000.000', '23.597.200', '1.402.800', '94,39'],
    ['2.07.05.2.02.0004', '45.000.000', '44.860.200', '139.800', '99,69'],
    ['2.07.05.2.02.0005', '3.950.749.900', '3.912.207.650', '38.542.250', '99,02'],
  ])('%s: anggaran %s, realisasi %s, sisa %s, %s %%', (kode, anggaran, realisasi, sisa, persen) => {
    const b = lra(kode);
    expect([formatRupiah(b.anggaran), formatRupiah(b.realisasi), formatRupiah(b.sisa), formatPersen(b.persen_realisasi)]).toEqual([
      anggaran,
      realisasi,
      sisa,
      persen,
    ]);
  });

  it('column 10 (% target = 8 / 3) is 100,00 on every row with a budget', () => {
    const baris = h.anggaran.lra?.baris.filter((b) => b.anggaran > 0) ?? [];
    expect(new Set(baris.map((b) => formatPersen(b.persen_target)))).toEqual(new Set(['100,00']));
  });

  it('% efisiensi of the OPD: 9,23 (narasi 3.3: efisiensi Rp 975.057.815 atau 9,23%)', () => {
    expect([formatRupiah(h.anggaran.opd.sisa), formatPersen(h.anggaran.opd.persen_efisiensi)]).toEqual(['975.057.815', '9,23']);
  });
});

describe('bundled 2024: Tabel 3.2.b and 3.3.a (kinerja and money per sasaran)', () => {
  it.each([
    // sasaran, program cell, alokasi, realisasi, % capaian, % efisiensi
    ['SS-1', '2.07.03', '760.284.340', '716.968.800', '94,30', '5,70'], // sumber: 3.3.a mencetak efisiensi 5.7
    ['SS-1', '2.07.04', '340.000.000', '304.241.604', '89,48', '10,52'], // sumber: 3.2.b/3.3.a mencetak 89,50 dan 10.5
    ['SS-2', '2.07.05', '4.200.749.900', '4.156.276.250', '98,94', '1,06'], // sumber: mencetak 98,90 dan 1.1
    ['SL-1', '2.07.01', '5.259.052.600', '4.407.542.371', '83,81', '16,19'], // sumber: mencetak 83,80 dan 16.2
  ])('%s / %s: %s -> %s (%s %%, efisiensi %s %%)', (id, kode, alokasi, realisasi, persen, efisiensi) => {
    const p = sasaran(id).program.find((x) => x.kode === kode);
    expect([formatRupiah(p?.anggaran), formatRupiah(p?.realisasi), formatPersen(p?.persen_realisasi), formatPersen(p?.persen_efisiensi)]).toEqual([
      alokasi,
      realisasi,
      persen,
      efisiensi,
    ]);
  });

  it.each([
    // sasaran, alokasi, realisasi, % capaian, % efisiensi (sum over the sasaran's programs)
    ['SS-1', '1.100.284.340', '1.021.210.404', '92,81', '7,19'],
    ['SS-2', '4.200.749.900', '4.156.276.250', '98,94', '1,06'],
    ['SL-1', '5.259.052.600', '4.407.542.371', '83,81', '16,19'],
    ['SL-2', '0', '0', '-', '-'], // sumber: mencetak 0 / 0 / 0 / 0; 0 / 0 has no percentage
  ])('sasaran %s: %s -> %s (%s %%, efisiensi %s %%)', (id, alokasi, realisasi, persen, efisiensi) => {
    const a = sasaran(id).anggaran;
    expect([formatRupiah(a.anggaran), formatRupiah(a.realisasi), formatPersen(a.persen_realisasi), formatPersen(a.persen_efisiensi)]).toEqual([
      alokasi,
      realisasi,
      persen,
      efisiensi,
    ]);
  });
});

describe('bundled 2024: Tabel E.81 (evaluated up to TW II)', () => {
  it.each([
    // kode, indikator, K12, K13, K14, K15
    ['2.07.01.2.01.0001', 'I-2.07.01.2.01.0001', '1', '50,00', '12', '120,00'], // sumber: 1 / 50,00 / 12 / 120
    ['2.07.01.2.01.0007', 'I-2.07.01.2.01.0007', '2', '50,00', '10', '41,67'], // sumber: 2 / 50,00 / 10 / 42
    // Not cumulative (36 people paid every month): the latest quarter, not a sum.
    ['2.07.01.2.02.0001', 'I-2.07.01.2.02.0001', '36', '100,00', '36', '100,00'], // sumber: 72 / 200,00 / 180 / 500
    ['2.07.01.2.06.0004', 'I-2.07.01.2.06.0004', '2', '28,57', '24', '96,00'], // sumber: 2 / 28,57 / 24 / 96
    ['2.07.05.2.02.0001', 'I-2.07.05.2.02.0001', '2', '50,00', '406', '1.691,67'], // sumber: 2 / 50,00 / 406 / 1.692
    ['2.07.05.2.02.0005', 'I-2.07.05.2.02.0005', '27.740', '99,27', '55.925', '4.660,42'], // sumber: 27740 / 99,27 / 55925 / 4.660
  ])('%s %s: K12 %s, K13 %s, K14 %s, K15 %s', (kode, id, k12, k13, k14, k15) => {
    const k = e81K(kode, id);
    expect([formatNilai(k.k12), formatPersen(k.k13), formatNilai(k.k14), formatPersen(k.k15)]).toEqual([k12, k13, k14, k15]);
  });

  it.each([
    // kode, Rp12, Rp13, Rp14, Rp15
    ['2.07.01', '2.241.316.647', '41,47', '17.065.366.421', '44,68'], // sumber: 13 mencetak 41,5
    ['2.07.01.2.01.0001', '3.999.000', '53,32', '28.472.800', '29,58'], // sumber: 53,3 / 29,5 8
    ['2.07.01.2.02.0001', '2.064.384.713', '42,62', '15.215.418.765', '44,50'], // sumber: 42,6
    ['2.07.05', '1.069.008.300', '32,43', '4.105.758.000', '69,03'], // sumber: 32,4 dan 280,73 (kol. 5 Rp program tercetak 1.462.522.500)
    ['2.07.05.2.02.0005', '977.118.100', '32,08', '3.081.148.200', '110,78'], // sumber: 32,1
  ])('%s Rp: 12 %s, 13 %s, 14 %s, 15 %s', (kode, rp12, rp13, rp14, rp15) => {
    const r = e81(kode).rp;
    expect([formatRupiah(r.rp12), formatPersen(r.rp13), formatRupiah(r.rp14), formatPersen(r.rp15)]).toEqual([rp12, rp13, rp14, rp15]);
  });

  it.each([
    // program, rata-rata K13, Rp13, K15, Rp15, predikat (mean over the rows that have a value)
    ['2.07.01', '37,32', '40,66', '48,94', '44,68', 'Sangat Rendah'], // sumber: 46,7 / 36,3 / 154,0 / 44,9, predikat kosong
    ['2.07.02', '0,00', '-', '16,67', '22,31', 'Sangat Rendah'], // sumber: #DIV/0! / #DIV/0! / 25,0 / 22,3
    ['2.07.03', '25,00', '25,22', '34,45', '61,23', 'Sangat Rendah'], // baris sumber hilang saat ekstraksi
    ['2.07.04', '101,36', '-', '-', '-', 'Sangat Tinggi'], // baris sumber hilang saat ekstraksi
    ['2.07.05', '35,50', '26,67', '1.072,35', '56,98', 'Sangat Rendah'], // sumber: 37,3 / 23,8 / 1.783,5 / 51,0, predikat "-"
  ])('program %s: rata-rata K13 %s, Rp13 %s, K15 %s, Rp15 %s (%s)', (kode, k13, rp13, k15, rp15, predikat) => {
    const r = h.renja.e81?.program.find((p) => p.kode === kode)?.rata_rata;
    expect([formatPersen(r?.k13), formatPersen(r?.rp13), formatPersen(r?.k15), formatPersen(r?.rp15), r?.predikat]).toEqual([k13, rp13, k15, rp15, predikat]);
  });

  it('totals: Rp7 9.938.911.600 (TC-31 RKPD), Rp12 3.538.042.347 without the lost rows of 2.07.04', () => {
    // sumber: E.81 mencetak total anggaran 9.988.911.600 (2.07.03: 947.700.000 vs TC-31 897.700.000)
    // dan realisasi 3.696.401.597 (termasuk 158.359.250 program 2.07.04 yang barisnya hilang).
    const t = h.renja.e81?.total;
    expect([formatRupiah(t?.rp7), formatRupiah(t?.rp12)]).toEqual(['9.938.911.600', '3.538.042.347']);
  });
});

describe('bundled 2024: Tabel TC-29', () => {
  it.each([
    // indikator, K4 (target akhir), K5 (s.d. 2022), K6, K7 (2023), K8, K9 (2024), K10, K11
    // sumber: kol. 4 mencetak 84,90 (target 2024), kol. 10 240,02 (dijumlah) dan kol. 11 2,83.
    ['I-2.07.01', '100', '72,11', '84,4', '83,01', '98,35', '84,9', '84,9', '84,90'],
    // Cumulative (people trained): 10 = 5 + 7 + 9, on the same base as E.81: col 5 + col 7 = E.81
    // col 6 (realisasi_sd_tahun_lalu 388, which carries 2021), so col 5 = 388 - 117 = 271.
    // sumber: kol. 4 128, kol. 5 192 (2022 alone), kol. 8 100, kol. 10 437, kol. 11 3,41 (= 437 / 128).
    ['I-2.07.03.2.01', '656', '271', '144', '117', '81,25', '128', '516', '78,66'],
    // sumber: kol. 5 10, kol. 10 30, kol. 11 3,00; E.81 kol. 6 prints 41 (= 31 + 10).
    ['I-2.07.05.2.02.0002', '50', '31', '10', '10', '100,00', '10', '51', '102,00'],
    // Percentages: the latest value, not a sum. sumber: kol. 8 101,2, kol. 10 82,75, kol. 11 103,44.
    ['I-2.07.05', '82', '100', '80', '80,95', '101,19', '80', '80', '97,56'],
  ])('%s: %s | %s | %s %s %s | %s | %s %s', (id, k4, k5, k6, k7, k8, k9, k10, k11) => {
    const b = tc29(id);
    expect([formatNilai(b.k4), formatNilai(b.k5), formatNilai(b.k6), formatNilai(b.k7), formatPersen(b.k8), formatNilai(b.k9), formatNilai(b.k10), formatPersen(b.k11)]).toEqual([
      k4,
      k5,
      k6,
      k7,
      k8,
      k9,
      k10,
      k11,
    ]);
  });
});

describe('bundled 2024: TC-29 and E.81 on one cumulative base', () => {
  it('for every cumulative indicator, TC-29 col 5 (s.d. 2022) + col 7 (2023) = E.81 col 6 (s.d. 2023)', () => {
    const e81 = new Map(h.renja.e81!.program.flatMap((p) => p.baris.flatMap((b) => b.indikator.map((k) => [`${b.kode}|${k.indikator}`, k] as const))));
    const dicek = h.renja.tc29!.filter((b) => b.kumulatif && b.k5 !== null && b.k7 !== null);
    expect(dicek.length).toBeGreaterThan(20);
    for (const b of dicek) expect([b.indikator, (b.k5 ?? 0) + (b.k7 ?? 0)]).toEqual([b.indikator, e81.get(`${b.kode}|${b.indikator}`)?.k6]);
  });
});

describe('synthetic copy of data/ for the benchmark (test/bench/sintetis.ts)', () => {
  it('x3 still validates without errors and every copy adds the same money and indicators', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'lkjip-sintetis-'));
    try {
      const info = await buatDataSintetis(DATA, 3, path.join(tmp, 'data'));
      expect([info.program, info.barisLra]).toEqual([15, 38 * 3]);
      const loaded = await loadData(path.join(tmp, 'data'));
      const ds = validate(loaded, 2024);
      expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
      // The file warnings of the bundled data, once per copy: PK P-APBD 2.07.03 vs LRA (LKJ304) and the
      // cumulative total the source prints below its years' sum (LKJ338, I-2.07.01-2).
      expect(ds.filter((d) => d.severity === 'warning').map((d) => d.code).sort()).toEqual(['LKJ304', 'LKJ304', 'LKJ304', 'LKJ338', 'LKJ338', 'LKJ338']);
      if (!loaded.dataSet) throw new Error('synthetic data did not load');
      const s = hitungTahun(loaded.dataSet, 2024);
      expect(formatRupiah(s.anggaran.lra?.total.anggaran)).toBe('31.680.260.520'); // 3 x 10.560.086.840
      expect(formatPersen(s.anggaran.opd.persen_realisasi)).toBe('90,77');
      expect(s.kinerja.iku.map((b) => b.id)).toEqual(['IKU-1', 'IKU-2', 'IKU-3', 'IKU-4', 'IKU-1.1', 'IKU-2.1', 'IKU-3.1', 'IKU-4.1', 'IKU-1.2', 'IKU-2.2', 'IKU-3.2', 'IKU-4.2']);
      expect(formatPersen(s.kinerja.rata_rata.iku.capaian)).toBe('115,39');
      expect(s.renja.e81?.program.map((p) => p.kode)).toEqual(['2.07.01', '2.07.02', '2.07.03', '2.07.04', '2.07.05', '2.11.01', '2.11.02', '2.11.03', '2.11.04', '2.11.05', '2.12.01', '2.12.02', '2.12.03', '2.12.04', '2.12.05']);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
