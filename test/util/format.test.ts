import { describe, expect, it } from 'vitest';
import {
  bulatkan,
  formatAngka,
  formatNilai,
  formatPersen,
  formatRupiah,
  keStringDesimal,
} from '../../src/util/format.js';

describe('bulatkan: half-up away from zero on the decimal string', () => {
  it.each([
    [0.125, 2, 0.13],
    [1.005, 2, 1.01], // Number.toFixed gives "1.00": 1.005 is stored as 1.00499999...
    [1.015, 2, 1.02],
    [2.675, 2, 2.68],
    [-0.125, 2, -0.13],
    [-1.005, 2, -1.01],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.5, 0, 3],
    [1.4999, 0, 1],
    [9.995, 2, 10],
    [102.98850574712644, 2, 102.99],
    [157.14285714285714, 2, 157.14],
    [0, 2, 0],
  ])('bulatkan(%s, %s) = %s', (n, d, hasil) => {
    expect(bulatkan(n, d)).toBe(hasil);
  });

  it('differs from toFixed where toFixed is wrong', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatAngka(1.005, 2)).toBe('1,01');
  });
});

describe('keStringDesimal', () => {
  it.each([
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-8, '-0.000000025'],
    [123.45, '123.45'],
  ])('%s -> %s', (n, s) => expect(keStringDesimal(n)).toBe(s));
});

describe('formatAngka / formatPersen / formatRupiah', () => {
  it.each([
    [10560086840, 0, '10.560.086.840'],
    [89.6, 2, '89,60'],
    [0.125, 2, '0,13'],
    [1.005, 2, '1,01'],
    [-975057815, 0, '-975.057.815'],
    [999.995, 2, '1.000,00'],
    [-0.001, 2, '0,00'], // no "-0,00"
    [1234.5, 1, '1.234,5'],
    [7, 0, '7'],
  ])('formatAngka(%s, %s) = %s', (n, d, s) => expect(formatAngka(n, d)).toBe(s));

  it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])(
    '%s prints "-" (never NaN, Infinity or #DIV/0!)',
    (n) => {
      expect(formatAngka(n)).toBe('-');
      expect(formatPersen(n)).toBe('-');
      expect(formatRupiah(n)).toBe('-');
    },
  );

  it.each([
    [102.98850574712644, '102,99'],
    [97.36526946107784, '97,37'],
    [90.76657389495, '90,77'],
    [9.2334261050452, '9,23'],
    [100, '100,00'],
  ])('formatPersen(%s) = %s', (n, s) => expect(formatPersen(n)).toBe(s));

  it('formatPersen with other decimals', () => {
    expect(formatPersen(157.142857, 0)).toBe('157');
    expect(formatPersen(97.365, 1)).toBe('97,4');
  });

  it.each([
    [10560086840, '10.560.086.840'],
    [9585029025, '9.585.029.025'],
    [0, '0'],
    [340000000, '340.000.000'],
  ])('formatRupiah(%s) = %s', (n, s) => expect(formatRupiah(n)).toBe(s));
});

describe('formatNilai: indicator values without needless zeros', () => {
  it.each([
    [2, 2, 0, '2'],
    [89.6, 2, 0, '89,6'],
    [89.6, 2, 2, '89,60'],
    [4.76, 2, 0, '4,76'],
    [27945, 2, 0, '27.945'],
    [null, 2, 0, '-'],
  ])('formatNilai(%s, %s, %s) = %s', (n, maks, min, s) => expect(formatNilai(n, maks, min)).toBe(s));
});
