import { describe, expect, it } from 'vitest';
import { bagiKolom, lebarKolom, LEBAR_LANSKAP_MM, LEBAR_TEGAK_MM, pilihTataLetak, ukurKolom, urutanTata, type Kolom, type PilihanUtuh } from '../../src/render/bagi-kolom.js';
import { kataTerlebar, lebarTeks } from '../../src/render/ukuran-teks.js';

const jumlah = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('lebarTeks: Arimo widths without a browser', () => {
  // Reference widths measured in Chromium with the project's Arimo (7 pt, mm).
  it.each([
    ['1.171.178.424', false, 15.78],
    ['10.560.086.840', true, 17.16],
    ['2.07.01.2.01.0001', true, 19.9],
    ['PENANGGUNG', true, 17.97],
    ['KODE', false, 6.99],
    ['orang/bulan', true, 14.13],
    ['Kepmendagri', false, 14.68],
  ])('%s (bold %s) is %d mm at 7 pt', (teks, tebal, mm) => {
    const w = lebarTeks(teks, 7, tebal);
    // Never narrower than the real text, never much wider.
    expect(w).toBeGreaterThanOrEqual(mm - 0.05);
    expect(w).toBeLessThan(mm * 1.03);
  });

  it('counts a character outside ASCII as a wide letter and scales with the size', () => {
    expect(lebarTeks('é', 10)).toBeGreaterThan(lebarTeks('e', 10));
    expect(lebarTeks('123', 14)).toBeCloseTo(2 * lebarTeks('123', 7), 6);
    expect(kataTerlebar(['Jumlah orang/bulan', 'a b'], 7)).toBeCloseTo(lebarTeks('orang/bulan', 7), 6);
  });
});

describe('bagiKolom', () => {
  const pasangan = (mm: number): Kolom[] => [{ min: 10 }, { min: mm }];
  const kunci: Kolom[] = [{ min: 6 }, { min: 24 }, { min: 30, lentur: 1, maks: 70 }, { min: 30, lentur: 1, maks: 70 }];

  it('packs groups in order beside the keys and fills each part to the page width', () => {
    const grup = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, kolom: pasangan(20) }));
    const bagian = bagiKolom(kunci, grup);
    // 267 - 90 keys = 177 mm: five 30 mm pairs per part.
    expect(bagian.map((b) => b.grup)).toEqual([['a', 'b', 'c', 'd', 'e'], ['f']]);
    for (const b of bagian) {
      expect(jumlah(b.lebar)).toBeCloseTo(LEBAR_LANSKAP_MM, 0);
      expect(b.lebar.length).toBe(4 + 2 * b.grup.length);
    }
    // Extra width goes to the text columns first, up to their maximum, then to every column.
    const kedua = bagian[1]!.lebar;
    expect(kedua[2]).toBeGreaterThanOrEqual(70);
    expect(kedua[3]).toBeGreaterThanOrEqual(70);
    expect(kedua[5]).toBeGreaterThan(20);
  });

  it('never narrows a column below its minimum', () => {
    const grup = [3, 40, 7, 55, 12].map((mm, i) => ({ id: i, kolom: pasangan(mm) }));
    for (const b of bagiKolom(kunci, grup)) {
      const min = [...kunci, ...b.grup.flatMap((g) => grup[g]!.kolom)].map((k) => k.min);
      b.lebar.forEach((l, i) => expect(l).toBeGreaterThanOrEqual(min[i]! - 0.05));
    }
  });

  it('puts a group wider than the page in a part of its own, at its minimum widths', () => {
    const bagian = bagiKolom(kunci, [
      { id: 'x', kolom: pasangan(20) },
      { id: 'lebar', kolom: [{ min: 150 }, { min: 100 }] },
      { id: 'y', kolom: pasangan(20) },
    ]);
    expect(bagian.map((b) => b.grup)).toEqual([['x'], ['lebar'], ['y']]);
    expect(bagian[1]!.lebar.slice(4)).toEqual([150, 100]);
  });

  it('lebarKolom: one part; a column measured from its values holds the widest one', () => {
    const rp = ukurKolom({ utuh: ['1.000', '1.234.567.890.123'], judul: 'PAGU (Rp)' }, 7);
    expect(rp.min).toBeGreaterThan(lebarTeks('1.234.567.890.123', 7, true));
    const lebar = lebarKolom([{ min: 20 }, { min: 30, lentur: 1 }, rp]);
    expect(jumlah(lebar)).toBeCloseTo(LEBAR_LANSKAP_MM, 0);
    expect(lebar[2]).toBeCloseTo(rp.min, 0);
  });

  it('a header limited to a number of lines widens its column', () => {
    const judul = 'TINGKAT CAPAIAN KINERJA DAN REALISASI ANGGARAN RENSTRA PERANGKAT DAERAH s/d TAHUN 2026 (%)';
    const bebas = ukurKolom({ judul }, 7).min;
    const lima = ukurKolom({ judul, barisJudul: 5 }, 7).min;
    expect(lima).toBeGreaterThan(bebas);
    expect(lima).toBeGreaterThanOrEqual(lebarTeks(judul, 7, true) / 5);
  });
});

describe('pilihTataLetak: portrait at the largest size that fits, else landscape', () => {
  // Up to eight value columns of "470.000.000.000 Rp" and a text column.
  const kolom = ({ pt, utuh }: PilihanUtuh): Kolom[] => [
    ukurKolom({ teks: ['Realisasi pendapatan asli daerah'], min: 20, lentur: 1, maks: 60 }, pt),
    ...Array.from({ length: 8 }, () => ukurKolom(utuh ? { utuh: ['470.000.000.000 Rp'] } : { teks: ['470.000.000.000 Rp'] }, pt)),
  ];

  it.each<[string, number, { pt: number; lanskap: boolean; utuh: boolean }]>([
    ['two values fit portrait at 9 pt on one line', 2, { pt: 9, lanskap: false, utuh: true }],
    ['six values stay portrait at 7 pt with the unit under the number', 6, { pt: 7, lanskap: false, utuh: false }],
    ['eight values need landscape, at 8 pt on one line', 8, { pt: 8, lanskap: true, utuh: true }],
  ])('%s', (_nama, n, hasil) => {
    const t = pilihTataLetak((p) => kolom(p).slice(0, n + 1), urutanTata([false, true]));
    expect({ pt: t.pt, lanskap: t.lanskap, utuh: t.utuh }).toEqual(hasil);
    expect(jumlah(t.lebar)).toBeCloseTo(t.lanskap ? LEBAR_LANSKAP_MM : LEBAR_TEGAK_MM, 0);
  });

  it('prefers one-line values at 8 pt to wrapped units at 9 pt, and never goes under 7 pt', () => {
    const urutan = urutanTata([false]).map((p) => `${p.pt}${p.utuh ? 'u' : 't'}`);
    expect(urutan).toEqual(['9u', '8u', '9t', '8t', '7u', '7t']);
  });

  it('when nothing fits, the last choice at its minimum widths (the audit reports the overflow)', () => {
    const t = pilihTataLetak(() => [{ min: 300 }], [{ pt: 7, lanskap: true }]);
    expect(t).toEqual({ pt: 7, lanskap: true, lebar: [300] });
  });
});
