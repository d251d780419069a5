import { describe, expect, it } from 'vitest';
import { hitungTahun } from '../../src/calc/index.js';
import { bandingkanTahunan, hitungKemajuan } from '../../src/calc/kinerja.js';
import type { BarisKinerja, HasilTahun } from '../../src/calc/types.js';
import type { DataSet } from '../../src/model/types.js';
import { formatAngka, formatPersen, formatRupiah } from '../../src/util/format.js';
import { dataSet2024 } from './data-2024.js';

const hasil: HasilTahun = hitungTahun(dataSet2024(), 2024);
const semua = [...hasil.kinerja.tujuan, ...hasil.kinerja.iku, ...hasil.kinerja.lainnya];
function baris(id: string): BarisKinerja {
  const b = semua.find((x) => x.id === id);
  if (!b) throw new Error(id);
  return b;
}

describe('Tabel 3.1.a and III.1 (2024)', () => {
  it.each([
    // id, target, source of the target, realisasi, capaian, kategori, printed capaian
    ['IT-1', 4.76, 'renstra', 3.87, '118,70', 'Sangat Tinggi', '-'],
    ['IKU-1', 87, 'pk_papbd', 89.6, '102,99', 'Sangat Tinggi', '102,9'],
    ['IKU-2', 86, 'pk_papbd', 86.21, '100,24', 'Sangat Tinggi', '100,2'],
    ['IKU-3', 3.5, 'pk_papbd', 1.5, '157,14', 'Sangat Tinggi', '157'],
    ['IKU-4', 86, 'pk_papbd', 87.02, '101,19', 'Sangat Tinggi', '101'],
    ['IKL-1', 83.5, 'pk_papbd', 81.3, '97,37', 'Sangat Tinggi', '97,4'],
    ['IKL-2', 90, 'pk_papbd', 90.77, '100,86', 'Sangat Tinggi', '100,8'],
    // PK APBD 82, PK P-APBD 86, Renstra 75: the P-APBD target applies
    ['IKL-3', 86, 'pk_papbd', 86, '100,00', 'Sangat Tinggi', '100'],
    ['IKL-4', 2, 'pk_papbd', 2, '100,00', 'Sangat Tinggi', '100'],
  ])('%s: target %s (%s), realisasi %s -> %s %s [source: %s]', (id, target, sumber, realisasi, capaian, kat) => {
    const b = baris(id);
    expect(b.target).toBe(target);
    expect(b.sumber_target).toBe(sumber);
    expect(b.realisasi).toBe(realisasi);
    expect(formatPersen(b.capaian)).toBe(capaian);
    expect(b.kategori).toBe(kat);
  });

  it('SAKIP grades of target and realisation: 83,50 (A) / 81,30 (A)', () => {
    expect(baris('IKL-1').predikat_target).toBe('A');
    expect(baris('IKL-1').predikat_realisasi).toBe('A');
  });

  it('PK targets of both versions are kept for the overview', () => {
    expect([baris('IKL-3').target_pk_apbd, baris('IKL-3').target_pk_papbd]).toEqual([82, 86]);
  });

  it('averages: IKU 115,39 (the source prints 155,3), kinerja lainnya 99,56', () => {
    expect(formatPersen(hasil.kinerja.rata_rata.iku.capaian)).toBe('115,39');
    expect(hasil.kinerja.rata_rata.iku.kategori).toBe('Sangat Tinggi');
    expect(hasil.kinerja.rata_rata.iku.jumlah).toBe(4);
    expect(formatPersen(hasil.kinerja.rata_rata.lainnya.capaian)).toBe('99,56');
  });

  it('sasaran and tujuan of each indicator', () => {
    expect([baris('IKU-3').sasaran, baris('IKU-3').tujuan]).toEqual(['SS-2', 'T-1']);
    expect([baris('IT-1').sasaran, baris('IT-1').tujuan]).toEqual([null, 'T-1']);
    expect(baris('IKL-1').tujuan).toBeNull();
  });

  it('no warnings on complete data', () => {
    expect(hasil.peringatan).toEqual([]);
  });
});

describe('Tabel III.1 / 3.1.3.a.1: three years and year-over-year changes', () => {
  it('TPT 2022-2024 with capaian (formulasi 2)', () => {
    expect(baris('IT-1').riwayat.map((r) => [r.tahun, r.target, r.realisasi, formatPersen(r.capaian)])).toEqual([
      [2022, 5.42, 4.83, '110,89'],
      [2023, 5.09, 4.67, '108,25'],
      [2024, 4.76, 3.87, '118,70'],
    ]);
  });

  it.each<[string, number, number, string, boolean | null, string]>([
    // id, realisasi N-1, selisih, arah, membaik, printed in the prose
    ['IT-1', 4.67, -0.8, 'turun', true, '0.8 (penurunan)'],
    ['IKU-1', 85.21, 4.39, 'naik', true, '3.85 (wrong: 89,60 - 85,21 = 4,39)'],
    ['IKU-2', 84.83, 1.38, 'naik', true, '1.78 (uses 84,43; Tabel 3.1.3.a.1 prints 84,83)'],
    ['IKU-3', 2.25, -0.75, 'turun', true, '0,75 (penurunan)'],
    ['IKU-4', 85.84, 1.18, 'naik', true, '-'],
    ['IKL-1', 83.01, -1.71, 'turun', false, '-'],
    ['IKL-4', 2, 0, 'tetap', null, '-'],
  ])('%s: N-1 %s, selisih %s (%s, membaik %s) [source: %s]', (id, lalu, selisih, arah, membaik) => {
    const b = baris(id);
    expect(b.realisasi_tahun_lalu).toBe(lalu);
    expect(b.selisih_tahun_lalu).toBe(selisih);
    expect(b.arah).toBe(arah);
    expect(b.membaik).toBe(membaik);
  });

  it('2022 -> 2023 differences are exact decimals (prose: IKU-1 0,15 right; IKU-2 5,02 wrong, is 2,73; TPT 0,16 right)', () => {
    const beda = (id: string) => {
      const [a, b] = baris(id).riwayat;
      return bandingkanTahunan(b?.realisasi, a?.realisasi, baris(id).polaritas).selisih;
    };
    expect(beda('IKU-1')).toBe(0.15);
    expect(beda('IKU-2')).toBe(2.73);
    expect(beda('IT-1')).toBe(-0.16);
  });
});

describe('Tabel 3.1.3.b: progress against the end-of-Renstra target', () => {
  it.each([
    // id, target akhir, kemajuan (capaian vs target akhir), selisih (points), printed "tingkat kemajuan"
    ['IKU-1', 90, '99,56', -0.4, '0,4 (a difference, sign lost)'],
    ['IKU-2', 86, '100,24', 0.21, '0,24 (wrong difference: 86,21 - 86 = 0,21)'],
    ['IKU-3', 4, '162,50', -2.5, '62,5 ((4 - 1,5) / 4; formulasi 2 gives 162,5)'],
    ['IKU-4', 53, '164,19', 34.02, '64,1 (capaian - 100)'],
    ['IKL-1', 85.9, '94,64', -4.6, '-5,35 (capaian - 100, and 94,64 - 100 = -5,36)'],
    ['IKL-2', 90, '100,86', 0.77, '0,77 (a difference)'],
    ['IKL-3', 75, '114,67', 11, '(+)11 (a difference)'],
    ['IKL-4', 1, '200,00', 1, '2 Inovasi'],
  ])('%s: target akhir %s -> kemajuan %s, selisih %s [source: %s]', (id, akhir, kemajuan, selisih) => {
    const b = baris(id);
    expect(b.target_akhir).toBe(akhir);
    expect(formatPersen(b.kemajuan)).toBe(kemajuan);
    expect(b.selisih_target_akhir).toBe(selisih);
  });

  it('without an end target (and none for the last Renstra year) it is null', () => {
    expect(baris('IT-1').target_akhir).toBeNull();
    expect(baris('IT-1').kemajuan).toBeNull();
    expect(hitungKemajuan({ polaritas: 'rendah_baik' }, 1.5, 4)).toBe(162.5);
  });
});

describe('Tabel 3.2.a / 3.2.b / 3.3.a: money per sasaran', () => {
  const sasaran = (id: string) => {
    const s = hasil.sasaran.find((x) => x.id === id);
    if (!s) throw new Error(id);
    return s;
  };

  it.each([
    // sasaran, anggaran, share, realisasi, % realisasi, % efisiensi
    ['SS-1', 1_100_284_340, '10,42', 1_021_210_404, '92,81', '7,19'],
    ['SS-2', 4_200_749_900, '39,78', 4_156_276_250, '98,94', '1,06'],
    ['SL-1', 5_259_052_600, '49,80', 4_407_542_371, '83,81', '16,19'],
    // no program: 0 with 0 %, its % realisasi has nothing to divide ("-"; the source prints 0)
    ['SL-2', 0, '0,00', 0, '-', '-'],
  ])('%s: %s (%s %% of total), realised %s (%s %%, efisiensi %s %%)', (id, a, share, r, p, e) => {
    const s = sasaran(id).anggaran;
    expect(s.anggaran).toBe(a);
    expect(formatPersen(s.persen_dari_total)).toBe(share);
    expect(s.realisasi).toBe(r);
    expect(formatPersen(s.persen_realisasi)).toBe(p);
    expect(formatPersen(s.persen_efisiensi)).toBe(e);
    expect(s.sumber).toBe('lra');
  });

  it('program lines of a sasaran, as Tabel 3.2.a prints them per indicator', () => {
    expect(
      sasaran('SS-1').program.map((p) => [p.kode, formatRupiah(p.anggaran), formatPersen(p.persen_dari_total), formatPersen(p.persen_realisasi), formatPersen(p.persen_efisiensi)]),
    ).toEqual([
      ['2.07.03', '760.284.340', '7,20', '94,30', '5,70'], // source: 7,2% ; 94,30 ; 5.7
      ['2.07.04', '340.000.000', '3,22', '89,48', '10,52'], // source: 3,21 ; 89,50 ; 10.5
    ]);
  });

  it('indicators of each sasaran, in the Renstra order', () => {
    expect(sasaran('SS-2').indikator.map((b) => b.id)).toEqual(['IKU-3', 'IKU-4']);
    expect(sasaran('SL-1').indikator.map((b) => formatPersen(b.capaian))).toEqual(['97,37', '100,86', '100,00']);
  });

  it('OPD: 10.560.086.840, realised 9.585.029.025, sisa 975.057.815, 90,77 %, efisiensi 9,23 %', () => {
    const o = hasil.anggaran.opd;
    expect([o.anggaran, o.realisasi, o.sisa]).toEqual([10_560_086_840, 9_585_029_025, 975_057_815]);
    expect(formatPersen(o.persen_realisasi)).toBe('90,77');
    expect(formatPersen(o.persen_efisiensi)).toBe('9,23');
  });

  it('PK overview: APBD 9.863.911.800 vs P-APBD 10.539.962.740 (the LRA total is 10.560.086.840)', () => {
    const pk = hasil.anggaran.pk;
    expect(pk?.total_apbd).toBe(9_863_911_800);
    expect(pk?.total_papbd).toBe(10_539_962_740);
    expect(formatAngka(pk?.selisih)).toBe('676.050.940');
    expect(pk?.program.find((p) => p.program === '2.07.05')?.selisih).toBe(979_557_900);
  });
});

describe('partial data never throws', () => {
  it('a history-only year (kinerja.yaml only) gives the indicator tables and no money/Renja', () => {
    const h = hitungTahun(dataSet2024(), 2022);
    expect(formatPersen(h.kinerja.iku.find((b) => b.id === 'IKU-1')?.capaian)).toBe('100,07');
    expect(h.anggaran.lra).toBeNull();
    expect(h.anggaran.opd.anggaran).toBeNull();
    expect(h.renja).toEqual({ e81: null, tc29: null });
    expect(h.sasaran.find((s) => s.id === 'SS-1')?.anggaran.anggaran).toBeNull();
    expect(h.kinerja.iku.find((b) => b.id === 'IKU-1')?.riwayat.map((r) => r.tahun)).toEqual([2020, 2021, 2022]);
  });

  it('a year without any file: Renstra targets only, one warning', () => {
    const h = hitungTahun(dataSet2024(), 2025);
    expect(h.peringatan.map((p) => p.code)).toContain('TAHUN_TIDAK_ADA');
    expect(h.kinerja.iku.every((b) => b.capaian === null)).toBe(true);
  });

  it('an almost empty data set', () => {
    const kosong = { opd: dataSet2024().opd, tahun: new Map() } as unknown as DataSet;
    const h = hitungTahun(kosong, 2024);
    expect(h.kinerja.iku).toEqual([]);
    expect(h.sasaran).toEqual([]);
    expect(h.skala.map((s) => s.kategori)).toEqual(['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah']);
  });

  it('a pending realisation ("Proses di BKSDM") gives "-" and an info, not a warning', () => {
    const data = dataSet2024();
    const t = data.tahun.get(2024);
    const ikl3 = t?.kinerja?.indikator.find((v) => v.id === 'IKL-3');
    if (!ikl3) throw new Error('fixture');
    ikl3.realisasi = null;
    ikl3.keterangan = 'Proses di BKSDM';
    const h = hitungTahun(data, 2024);
    const b = h.kinerja.lainnya.find((x) => x.id === 'IKL-3');
    expect(formatPersen(b?.capaian)).toBe('-');
    expect(b?.keterangan).toBe('Proses di BKSDM');
    expect(h.peringatan).toEqual([expect.objectContaining({ code: 'CAPAIAN_REALISASI_KOSONG', severity: 'info' })]);
    expect(h.kinerja.rata_rata.lainnya.jumlah).toBe(3);
  });

  it('a zero target gives null and a warning; the OPD scale from opd.yaml is used', () => {
    const data = dataSet2024();
    data.opd.pengaturan = {
      skala_penilaian: [
        { kategori: 'Baik', lebih_dari: 100 },
        { kategori: 'Cukup', lebih_dari: null },
      ],
    };
    const pk = data.tahun.get(2024)?.pk?.papbd?.target.find((t) => t.indikator === 'IKU-2');
    if (!pk) throw new Error('fixture');
    pk.target = 0;
    const h = hitungTahun(data, 2024);
    expect(h.kinerja.iku.find((b) => b.id === 'IKU-2')?.capaian).toBeNull();
    expect(h.peringatan).toEqual([expect.objectContaining({ code: 'CAPAIAN_TARGET_NOL', severity: 'warning' })]);
    expect(h.kinerja.iku.map((b) => b.kategori)).toEqual(['Baik', null, 'Baik', 'Baik']);
  });
});
