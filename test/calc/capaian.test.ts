import { describe, expect, it } from 'vitest';
import type { BatasKategori, RumusCapaian, Polaritas } from '../../src/model/types.js';
import { hitungCapaian, kategori, predikat, rataRata, rumusIndikator, SKALA_BAKU } from '../../src/calc/capaian.js';
import { formatPersen } from '../../src/util/format.js';
import { PREDIKAT_SAKIP } from './data-2024.js';

describe('hitungCapaian against Tabel 3.1.a / III.1 (2024)', () => {
  it.each<[string, number, number, RumusCapaian | Polaritas, string, string]>([
    // id, target, realisasi, rumus, expected, printed by the source
    ['IKU-1', 87, 89.6, 'formulasi_1', '102,99', '102,9 (truncated)'],
    ['IKU-2', 86, 86.21, 'formulasi_1', '100,24', '100,2'],
    ['IKU-3', 3.5, 1.5, 'rendah_baik', '157,14', '157'],
    ['IKU-4', 86, 87.02, 'tinggi_baik', '101,19', '101'],
    ['IKL-1', 83.5, 81.3, 'formulasi_1', '97,37', '97,4'],
    ['IKL-2', 90, 90.77, 'formulasi_1', '100,86', '100,8 (truncated; 100,9 at one decimal)'],
    ['IKL-3', 86, 86, 'formulasi_1', '100,00', '100'],
    ['IKL-4', 2, 2, 'formulasi_1', '100,00', '100'],
    ['IT-1 2024', 4.76, 3.87, 'formulasi_2', '118,70', 'not printed'],
    ['IT-1 2022', 5.42, 4.83, 'formulasi_2', '110,89', 'not printed'],
    ['IT-1 2023', 5.09, 4.67, 'formulasi_2', '108,25', 'not printed'],
  ])('%s: target %s realisasi %s (%s) = %s [source: %s]', (_id, target, realisasi, rumus, hasil) => {
    const c = hitungCapaian(target, realisasi, rumus);
    expect(formatPersen(c.nilai)).toBe(hasil);
    expect(c.peringatan).toEqual([]);
  });

  it('target_per_realisasi: target / realisasi x 100', () => {
    expect(formatPersen(hitungCapaian(4.76, 3.87, 'target_per_realisasi').nilai)).toBe('123,00');
  });

  it('default formula follows the polarity', () => {
    expect(rumusIndikator({ polaritas: 'rendah_baik' })).toBe('formulasi_2');
    expect(rumusIndikator({ polaritas: 'tinggi_baik' })).toBe('formulasi_1');
    expect(rumusIndikator({ polaritas: 'rendah_baik', rumus_capaian: 'target_per_realisasi' })).toBe('target_per_realisasi');
  });
});

describe('hitungCapaian never returns NaN/Infinity (made-up cases)', () => {
  it.each<[string, number | null | undefined, number | null | undefined, RumusCapaian, string]>([
    ['zero target, higher is better', 0, 5, 'formulasi_1', 'CAPAIAN_TARGET_NOL'],
    ['zero target, lower is better', 0, 2, 'formulasi_2', 'CAPAIAN_TARGET_NOL'],
    ['zero realisation with target/realisasi', 4, 0, 'target_per_realisasi', 'CAPAIAN_REALISASI_NOL'],
    ['missing target', undefined, 5, 'formulasi_1', 'CAPAIAN_TARGET_KOSONG'],
    ['pending realisation ("Proses di BKSDM")', 86, null, 'formulasi_1', 'CAPAIAN_REALISASI_KOSONG'],
  ])('%s -> null + %s', (_label, target, realisasi, rumus, code) => {
    const c = hitungCapaian(target, realisasi, rumus, 'X-1');
    expect(c.nilai).toBeNull();
    expect(c.peringatan).toHaveLength(1);
    expect(c.peringatan[0]).toMatchObject({ code, severity: 'warning' });
    expect(c.peringatan[0]?.message).toContain('X-1');
  });

  it('zero realisation is a valid 0 % with formulasi 1', () => {
    expect(hitungCapaian(10, 0, 'formulasi_1').nilai).toBe(0);
  });

  it.each([
    // lower is better, made up: target 5 %, realised 7 % -> (5 - 2) / 5 = 60 %; realised 11 % -> negative
    [5, 7, '60,00', 'Rendah'],
    [5, 5, '100,00', 'Sangat Tinggi'],
    [5, 0, '200,00', 'Sangat Tinggi'],
    [5, 11, '-20,00', 'Sangat Rendah'],
  ])('formulasi 2: target %s realisasi %s -> %s (%s)', (t, r, hasil, kat) => {
    const c = hitungCapaian(t, r, 'rendah_baik');
    expect(formatPersen(c.nilai)).toBe(hasil);
    expect(kategori(c.nilai)).toBe(kat);
  });
});

describe('kategori on the default scale (every boundary defined)', () => {
  it.each([
    [157.14, 'Sangat Tinggi'], // above 100: the printed scale stops at 100, the LKJIP still says Sangat Tinggi
    [100, 'Sangat Tinggi'],
    [90.5, 'Sangat Tinggi'], // in the printed scale's gap between 90 and 91
    [90, 'Tinggi'],
    [75.01, 'Tinggi'],
    [75, 'Sedang'],
    [65.5, 'Sedang'],
    [65, 'Rendah'],
    [50.01, 'Rendah'],
    [50, 'Sangat Rendah'],
    [0, 'Sangat Rendah'],
    [-20, 'Sangat Rendah'],
  ])('%s -> %s', (v, k) => expect(kategori(v)).toBe(k));

  it('null capaian has no category', () => {
    expect(kategori(null)).toBeNull();
  });

  it('decides on the printed value when given the decimals', () => {
    expect(kategori(90.004)).toBe('Sangat Tinggi');
    expect(kategori(90.004, SKALA_BAKU, 2)).toBe('Tinggi'); // printed "90,00"
  });

  it('accepts an OPD scale in any order', () => {
    const skala: BatasKategori[] = [
      { kategori: 'Kurang', lebih_dari: null },
      { kategori: 'Baik', lebih_dari: 80 },
      { kategori: 'Cukup', lebih_dari: 60 },
    ];
    expect(kategori(85, skala)).toBe('Baik');
    expect(kategori(80, skala)).toBe('Cukup');
    expect(kategori(10, skala)).toBe('Kurang');
  });
});

describe('predikat of a value (SAKIP)', () => {
  it.each([
    [83.5, 'A'], // PK target "83,5 (A)"
    [81.3, 'A'], // 2024 "81,30 (A)"
    [83.01, 'A'],
    [91.2, 'AA'], // provincial "91,20 (AA)"
    // 2022: Tabel 3.1.3.a.1 prints "72,11 (B)", TC-29 "72,11 (A)"; on the PermenPAN scale it is BB
    [72.11, 'BB'],
    [80, 'BB'],
    [10, 'D'],
  ])('%s -> %s', (v, p) => expect(predikat(v, PREDIKAT_SAKIP)).toBe(p));

  it('no scale, no grade', () => {
    expect(predikat(81.3, undefined)).toBeNull();
  });
});

describe('rataRata', () => {
  it('IKU 2024: mean of 102,99 / 100,24 / 157,14 / 101,19 = 115,39 (the source prints 155,3)', () => {
    const r = rataRata([
      hitungCapaian(87, 89.6).nilai,
      hitungCapaian(86, 86.21).nilai,
      hitungCapaian(3.5, 1.5, 'formulasi_2').nilai,
      hitungCapaian(86, 87.02).nilai,
    ]);
    expect(formatPersen(r.rata)).toBe('115,39');
    expect(r.jumlah).toBe(4);
  });

  it('skips missing values; none gives null', () => {
    expect(rataRata([10, null, 20, undefined])).toEqual({ rata: 15, jumlah: 2 });
    expect(rataRata([null])).toEqual({ rata: null, jumlah: 0 });
  });
});
