import { describe, expect, it } from 'vitest';
import type { Lra } from '../../src/model/types.js';
import {
  hitungLra,
  indukKode,
  persenDariTotal,
  persenEfisiensi,
  persenRealisasi,
  sisaAnggaran,
} from '../../src/calc/anggaran.js';
import type { Diagnostic } from '../../src/calc/types.js';
import { formatPersen, formatRupiah } from '../../src/util/format.js';
import { lraBaris2024, lraInduk2024, tahun2024 } from './data-2024.js';

const TOTAL = 10_560_086_840;

describe('budget percentages', () => {
  it.each([
    // Tabel 3.2.a: share of the OPD total 10.560.086.840
    [760_284_340, '7,20', '7,2%'],
    [340_000_000, '3,22', '3,21 (wrong: 3,2196 rounds to 3,22)'],
    [4_200_749_900, '39,78', '39,77 (wrong: 39,7795 rounds to 39,78)'],
    [5_259_052_600, '49,80', '49,80'],
    [0, '0,00', '0'],
  ])('persenDariTotal(%s) = %s [source: %s]', (bagian, hasil) => {
    expect(formatPersen(persenDariTotal(bagian, TOTAL))).toBe(hasil);
  });

  it.each([
    // Tabel 3.2.b / 3.3.a: % realisasi and % efisiensi = 100 - % realisasi
    [716_968_800, 760_284_340, '94,30', '5,70', '94,30 / 5.7'],
    [304_241_604, 340_000_000, '89,48', '10,52', '89,50 / 10.5 (LRA prints 89,48)'],
    [4_156_276_250, 4_200_749_900, '98,94', '1,06', '98,90 / 1.1 (LRA prints 98,94)'],
    [4_407_542_371, 5_259_052_600, '83,81', '16,19', '83.80 / 16.2 (LRA prints 83,81)'],
    [9_585_029_025, TOTAL, '90,77', '9,23', '90,77 / 9,23'],
    [0, 0, '-', '-', '0 / 0 (no budget: nothing to divide)'],
  ])('realisasi %s of %s: %s %%, efisiensi %s %% [source: %s]', (r, a, p, e) => {
    expect(formatPersen(persenRealisasi(r, a))).toBe(p);
    expect(formatPersen(persenEfisiensi(r, a))).toBe(e);
  });

  it('sisa stays an integer', () => {
    expect(sisaAnggaran(TOTAL, 9_585_029_025)).toBe(975_057_815);
    expect(sisaAnggaran(null, 1)).toBeNull();
  });
});

describe('indukKode: longest other kode that prefixes at a dot boundary', () => {
  it('finds parents and ignores look-alike prefixes', () => {
    const p = indukKode(['2.07.01', '2.07.01.2.01', '2.07.01.2.01.0001', '2.07.010', '2.07.01.2.010']);
    expect(p.get('2.07.01.2.01.0001')).toBe('2.07.01.2.01');
    expect(p.get('2.07.01.2.01')).toBe('2.07.01');
    expect(p.get('2.07.01')).toBeNull();
    expect(p.get('2.07.010')).toBeNull(); // "2.07.01" + "0" is not a dot boundary
    expect(p.get('2.07.01.2.010')).toBe('2.07.01');
  });

  it('skips a missing level: a sub kegiatan without its kegiatan hangs on the program', () => {
    expect(indukKode(['2.07.05', '2.07.05.2.02.0001']).get('2.07.05.2.02.0001')).toBe('2.07.05');
  });
});

function lra2024(): Lra {
  const lra = tahun2024.lra;
  if (!lra) throw new Error('fixture');
  return lra;
}

describe('hitungLra on the TW IV 2024 LRA', () => {
  const hasil = hitungLra(lra2024());
  const baris = (kode: string) => {
    const b = hasil.baris.find((x) => x.kode === kode);
    if (!b) throw new Error(kode);
    return b;
  };

  it('OPD total = sum of programs: 10.560.086.840 / 9.585.029.025 / sisa 975.057.815 / 90,77 %', () => {
    const t = hasil.total;
    expect(t.anggaran).toBe(10_560_086_840);
    expect(t.target_realisasi).toBe(10_560_086_840);
    expect(t.realisasi).toBe(9_585_029_025);
    expect(t.sisa).toBe(975_057_815);
    expect(formatPersen(t.persen_realisasi)).toBe('90,77');
    expect(formatPersen(t.persen_target)).toBe('100,00');
    expect(formatPersen(t.persen_efisiensi)).toBe('9,23');
    expect(t.anak).toEqual(['2.07.01', '2.07.03', '2.07.04', '2.07.05']);
    expect(Number.isInteger(t.realisasi) && Number.isInteger(t.sisa)).toBe(true);
  });

  it.each([
    // kode, anggaran (3), realisasi (9 = 5 + 7), sisa (11), % (12), printed % in the source
    ['2.07.01', 5_259_052_600, 4_407_542_371, 851_510_229, '83,81', '83,81'],
    ['2.07.01.2.01', 17_500_000, 16_785_300, 714_700, '95,92', '95,92'],
    ['2.07.01.2.02', 4_847_392_600, 4_013_295_124, 834_097_476, '82,79', '82,79'],
    // Sub kegiatan "Penyediaan gaji dan tunjangan ASN": same numbers as its kegiatan, the source prints 72,95
    ['2.07.01.2.02.0001', 4_847_392_600, 4_013_295_124, 834_097_476, '82,79', '72,95 (wrong)'],
    ['2.07.01.2.06', 128_160_000, 117_537_500, 10_622_500, '91,71', '91,71'],
    ['2.07.01.2.06.0009', 32_600_000, 32_600_000, 0, '100,00', '100,00 / sisa "-"'],
    ['2.07.01.2.08', 196_000_000, 193_952_047, 2_047_953, '98,96', '98,96'],
    ['2.07.01.2.09', 70_000_000, 65_972_400, 4_027_600, '94,25', '94,25'],
    ['2.07.01.2.09.0009', 0, 0, 0, '-', '- (no budget)'],
    ['2.07.01.2.09.0010', 15_000_000, 14_993_800, 6_200, '99,96', '99,96'],
    ['2.07.03', 760_284_340, 716_968_800, 43_315_540, '94,30', '94,30'],
    ['2.07.03.2.02', 20_124_100, 14_671_000, 5_453_100, '72,90', '72,90'],
    ['2.07.04', 340_000_000, 304_241_604, 35_758_396, '89,48', '89,48'],
    ['2.07.04.2.04.0001', 50_000_000, 39_878_700, 10_121_300, '79,76', '79,76'],
    ['2.07.05', 4_200_749_900, 4_156_276_250, 44_473_650, '98,94', '98,94'],
    ['2.07.05.2.02.0005', 3_950_749_900, 3_912_207_650, 38_542_250, '99,02', '99,02'],
  ])('%s: anggaran %s realisasi %s sisa %s = %s %% [source: %s]', (kode, anggaran, realisasi, sisa, p) => {
    const b = baris(kode);
    expect(b.anggaran).toBe(anggaran);
    expect(b.realisasi).toBe(realisasi);
    expect(b.sisa).toBe(sisa);
    expect(formatPersen(b.persen_realisasi)).toBe(p);
  });

  it('parents are always the sum of their children, whatever the data gives them', () => {
    // every parent line of the fixture carries 1 in each money field
    for (const b of lraInduk2024) {
      const h = baris(b.kode);
      expect(h.dijumlahkan).toBe(true);
      expect(h.anggaran).toBeGreaterThan(1);
    }
    expect(baris('2.07.01.2.01').rencana_sd).toBe(6_680_300 + 9_000_400);
    expect(baris('2.07.01.2.01.0001').dijumlahkan).toBe(false);
  });

  it('columns 8 and 10: rencana s.d. + rencana akhir, 100 % on every budgeted line', () => {
    for (const b of hasil.baris) {
      expect(b.target_realisasi).toBe(b.rencana_sd + b.rencana_akhir);
      if (b.anggaran > 0) expect(formatPersen(b.persen_target)).toBe('100,00');
    }
  });

  it('tree order and levels', () => {
    expect(hasil.baris.slice(0, 4).map((b) => [b.kode, b.tingkat, b.kedalaman])).toEqual([
      ['2.07.01', 'program', 0],
      ['2.07.01.2.01', 'kegiatan', 1],
      ['2.07.01.2.01.0001', 'sub_kegiatan', 2],
      ['2.07.01.2.01.0007', 'sub_kegiatan', 2],
    ]);
  });

  it('shares of the total (Tabel 3.2.a) on the program lines', () => {
    expect(formatPersen(baris('2.07.03').persen_dari_total)).toBe('7,20');
    expect(formatPersen(baris('2.07.04').persen_dari_total)).toBe('3,22');
    expect(formatRupiah(hasil.total.anggaran)).toBe('10.560.086.840');
  });

  it('works without parent lines and in any order', () => {
    const acak = hitungLra({ ...lra2024(), baris: [...lraBaris2024].reverse() });
    expect(acak.total.realisasi).toBe(9_585_029_025);
    expect(acak.baris.find((b) => b.kode === '2.07.01.2.02.0001')?.induk).toBeNull();
    expect(acak.total.anak).toHaveLength(lraBaris2024.length);
  });

  it('reports a duplicate kode and keeps the first line', () => {
    const peringatan: Diagnostic[] = [];
    const dup = lraBaris2024[0];
    if (!dup) throw new Error('fixture');
    const h = hitungLra({ ...lra2024(), baris: [dup, { ...dup, anggaran: 1 }] }, new Map(), peringatan);
    expect(h.total.anggaran).toBe(7_500_000);
    expect(peringatan.map((p) => p.code)).toEqual(['LRA_KODE_GANDA']);
  });

  it('an empty LRA gives zero totals and no NaN', () => {
    const h = hitungLra({ tahun: 2024, bulan_sd: 'November', bulan_akhir: 'Desember', baris: [] });
    expect(h.total.anggaran).toBe(0);
    expect(h.total.persen_realisasi).toBeNull();
    expect(formatPersen(h.total.persen_realisasi)).toBe('-');
  });
});
