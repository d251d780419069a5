import { describe, expect, it } from 'vitest';
import { jarakEdit, terdekat } from '../../src/util/mirip.js';

describe('terdekat: the nearest known name by edit distance', () => {
  const IKU = ['IKU-1', 'IKU-2', 'IKU-3', 'IKU-4', 'IKU-5'];
  it.each([
    // equal edit distance: the numerically nearest, not the first listed
    ['IKU-6', IKU, 'IKU-5'],
    ['IKU-0', IKU, 'IKU-1'],
    ['IKU-7', ['IKU-1', 'IKU-2', 'IKU-3', 'IKU-4'], 'IKU-4'],
    ['I-2.07.03.2.01.0003', ['I-2.07.03.2.01.0001', 'I-2.07.03.2.01.0002'], 'I-2.07.03.2.01.0002'],
    // a smaller edit distance beats a nearer number
    ['IKL-5', ['IKU-5', 'IKL-1'], 'IKL-1'],
    ['relisasi', ['realisasi', 'target'], 'realisasi'],
    // case, spaces, - and _ do not count
    ['bab-1.2 landasan hukum.md', ['bab-1.1-latar-belakang.md', 'bab-1.2-landasan-hukum.md'], 'bab-1.2-landasan-hukum.md'],
    ['Penduduk_Usia_Kerja', ['penduduk-usia-kerja'], 'penduduk-usia-kerja'],
    // too far to be a typo
    ['anggaran', ['realisasi', 'target'], undefined],
  ] as const)('%s -> %s', (nama, kandidat, hasil) => {
    expect(terdekat(nama, kandidat)).toBe(hasil);
  });

  it('a longer bound when asked', () => {
    expect(terdekat('bab-33-efisiensi.md', ['bab-3.3-efisiensi.md'])).toBe('bab-3.3-efisiensi.md');
    expect(terdekat('abcdefgh', ['abcdwxyz'])).toBeUndefined();
    expect(terdekat('abcdefgh', ['abcdwxyz'], { batas: () => 4 })).toBe('abcdwxyz');
  });

  it('jarakEdit', () => {
    expect([jarakEdit('IKU-6', 'IKU-5'), jarakEdit('kitten', 'sitting'), jarakEdit('A', 'a')]).toEqual([1, 3, 0]);
  });
});
