import { describe, expect, it } from 'vitest';
import { terbilang, terbilangRupiah } from '../../src/util/terbilang.js';

describe('terbilangRupiah', () => {
  it.each([
    // Bab 3.3 prints "Sepuluh Milyar ..."; KBBI spells "miliar".
    [10560086840, 'Sepuluh Miliar Lima Ratus Enam Puluh Juta Delapan Puluh Enam Ribu Delapan Ratus Empat Puluh Rupiah'],
    [9585029025, 'Sembilan Miliar Lima Ratus Delapan Puluh Lima Juta Dua Puluh Sembilan Ribu Dua Puluh Lima Rupiah'],
    [4200749900, 'Empat Miliar Dua Ratus Juta Tujuh Ratus Empat Puluh Sembilan Ribu Sembilan Ratus Rupiah'],
    [760284340, 'Tujuh Ratus Enam Puluh Juta Dua Ratus Delapan Puluh Empat Ribu Tiga Ratus Empat Puluh Rupiah'],
    [340000000, 'Tiga Ratus Empat Puluh Juta Rupiah'],
    [0, 'Nol Rupiah'],
  ])('%s', (n, kata) => expect(terbilangRupiah(n)).toBe(kata));
});

describe('terbilang: the se- rules', () => {
  it.each([
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [1000000, 'satu juta'],
    [1001000, 'satu juta seribu'],
    [1000000000, 'satu miliar'],
    [2000000000000, 'dua triliun'],
    [-1500, 'minus seribu lima ratus'],
  ])('%s -> %s', (n, kata) => expect(terbilang(n)).toBe(kata));
});
