/**
 * Values in their units as the documents print them (render/handlebars-env.ts formatNilai) and the
 * workbook's number formats for the same values (render/workbook-rumus.ts): every percentage of a
 * document has pengaturan.desimal_persen decimals, counts stay whole.
 */
import { describe, expect, it } from 'vitest';
import { createEnv, formatNilai } from '../../src/render/handlebars-env.js';
import { formatNilai as formatSel } from '../../src/render/workbook-rumus.js';

describe('formatNilai: a value in its unit', () => {
  it.each<[number | null, string | null, number | undefined, number, string]>([
    // A whole percentage keeps the configured decimals: "99,00%" next to "99,50%" in one row.
    [99, '%', undefined, 2, '99,00%'],
    [99.5, '%', undefined, 2, '99,50%'],
    [75, '%', undefined, 2, '75,00%'],
    [68.2, '%', undefined, 2, '68,20%'],
    [75, '%', undefined, 1, '75,0%'],
    [75, '%', undefined, 0, '75%'],
    [68.25, 'persen', undefined, 2, '68,25 persen'],
    [80, 'Persen', undefined, 2, '80,00 Persen'],
    // Counts and scores are unchanged: whole numbers without decimals, fractions with two.
    [128, 'orang', undefined, 2, '128 orang'],
    [30, null, undefined, 2, '30'],
    [4.5, 'indeks', undefined, 2, '4,50'],
    [1234567, 'siswa', undefined, 2, '1.234.567 siswa'],
    // An explicit decimal count wins.
    [90, '%', 0, 2, '90%'],
    [null, '%', undefined, 2, '-'],
    // Rupiah stands before the amount.
    [480_000_000_000, 'Rp', undefined, 2, 'Rp 480.000.000.000'],
    [1500, 'rupiah', undefined, 2, 'Rp 1.500'],
  ])('formatNilai(%s, %s, %s, desimal_persen %s) = %s', (n, satuan, desimal, desimalPersen, teks) => {
    expect(formatNilai(n, satuan, desimal, desimalPersen)).toBe(teks);
  });

  it('the `nilai` helper prints percentages with the document\'s desimal_persen', () => {
    const env = createEnv(1);
    expect(env.compile('{{nilai a "%"}} {{nilai b "%"}} {{nilai c "unit"}}')({ a: 99, b: 97.54, c: 12 })).toBe('99,0% 97,5% 12 unit');
  });
});

describe('workbook number format of an indicator value agrees with the PDF', () => {
  it.each<[string | null, number, number, string]>([
    ['%', 99, 2, '#,##0.00'],
    ['%', 99, 1, '#,##0.0'],
    ['%', 99, 0, '#,##0'],
    ['persen', 80, 2, '#,##0.00'],
    ['orang', 128, 2, '#,##0'],
    ['indeks', 4.5, 0, '#,##0.00'],
  ])('%s %s (desimal_persen %s) -> %s', (satuan, n, desimalPersen, fmt) => {
    expect(formatSel(satuan, n, desimalPersen)).toBe(fmt);
  });
});
