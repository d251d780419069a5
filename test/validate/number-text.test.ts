import { describe, expect, it } from 'vitest';
import { sarankanAngka } from '../../src/validate/number-text.js';

describe('sarankanAngka', () => {
  it.each([
    ['89,60', false, '89.60'],
    ['87%', false, '87'],
    ['87 %', false, '87'],
    ['10.560.086.840', true, '10560086840'],
    ['Rp 10.560.086.840,00', true, '10560086840'],
    ['Rp10.560.086.840,50', false, '10560086840.50'],
    ['1.234,5', false, '1234.5'],
    ['89.60', false, '89.60'],
    ['3,5', false, '3.5'],
    ['-0,75', false, '-0.75'],
    ['10,560,086,840', true, '10560086840'],
    [' 42 ', true, '42'],
    [',5', false, '0.5'],
  ])('%s -> %s', (teks, bulat, hasil) => {
    expect(sarankanAngka(teks, bulat)).toBe(hasil);
  });
  it.each(['Proses di BKSDM', 'A', '', '83,5 (A)', '1-2', '12.3.4'])('%s is not a number', (teks) => {
    expect(sarankanAngka(teks)).toBeUndefined();
  });
});
