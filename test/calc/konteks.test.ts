import { describe, expect, it } from 'vitest';
import { hitungKondisi, jumlahBaris, perubahan } from '../../src/calc/konteks.js';
import type { BarisKondisi } from '../../src/model/types.js';
import { formatPersen, formatRupiah } from '../../src/util/format.js';

/** The bundled labour office's context table as its konteks.yaml defines it (rows are data, not code). */
const BARIS: BarisKondisi[] = [
  { id: 'puk', nilai: 0 },
  { id: 'ak', jumlah: ['bekerja', 'penganggur'] },
  { id: 'bekerja', tingkat: 2, nilai: 0 },
  { id: 'penganggur', tingkat: 2, nilai: 0 },
  { id: 'tujuan', indikator: 'IT-1' },
  { id: 'rasio', persen: ['ak', 'puk'] },
  { id: 'kelompok' },
];

function hitung(dasar: Record<string, number | null>, realisasi: Record<string, number | null> = {}) {
  const v = hitungKondisi(BARIS, (b) => dasar[b.id ?? ''] ?? null, (id) => realisasi[id] ?? null);
  return Object.fromEntries(BARIS.map((b, i) => [b.id, v[i]]));
}

describe('context table (Tabel 1.1): sums and percentages of rows, indicator rows', () => {
  it.each([
    // tahun, PUK, bekerja, penganggur, IT-1 realisasi, AK, ratio, printed AK / ratio
    [2022, 906_653, 615_557, 31_221, 4.83, '646.778', '71,34', '646.778 / 71,34'],
    // 617.553 + 30.219 = 647.772; the source prints 647.752 and repeats the 2022 ratio
    [2023, 893_299, 617_553, 30_219, 4.67, '647.772', '72,51', '647.752 / 71,34'],
    [2024, 908_607, 645_825, 25_981, 3.87, '671.806', '73,94', '671.806 / 73,94'],
  ])('%s: %s, %s, %s -> sum %s, percentage %s [source: %s]', (_t, puk, bekerja, penganggur, it1, ak, rasio) => {
    const h = hitung({ puk, bekerja, penganggur }, { 'IT-1': it1 });
    expect([formatRupiah(h.ak), formatPersen(h.rasio), h.tujuan, h.kelompok]).toEqual([ak, rasio, it1, null]);
  });

  it('prose changes 2023 -> 2024: bekerja +28.272 (+4,58 %, printed 4,57), penganggur -4.238 (-14,02 %, printed -17,1)', () => {
    const b = perubahan(645_825, 617_553);
    expect([b.selisih, formatPersen(b.persen)]).toEqual([28_272, '4,58']);
    const p = perubahan(25_981, 30_219);
    expect([p.selisih, formatPersen(p.persen)]).toEqual([-4_238, '-14,02']);
  });

  it('a missing part gives null (never a partial sum), a zero divisor null, not NaN', () => {
    expect(hitung({ puk: 0, bekerja: null, penganggur: 5 })).toMatchObject({ ak: null, rasio: null, tujuan: null });
    expect(hitung({ puk: 0, bekerja: 1, penganggur: 5 })).toMatchObject({ ak: 6, rasio: null });
  });

  it('unknown rows and cycles give null instead of looping', () => {
    const baris: BarisKondisi[] = [
      { id: 'a', jumlah: ['b'] },
      { id: 'b', jumlah: ['a'] },
      { id: 'c', persen: ['tidak-ada', 'a'] },
      { id: 'd', nilai: 2.5 },
      { id: 'e', jumlah: ['d', 'd'] },
    ];
    expect(hitungKondisi(baris, (b) => b.nilai ?? null, () => null)).toEqual([null, null, null, 2.5, 5]);
  });
});

describe('JUMLAH rows', () => {
  it.each([
    [[0, 8, 15, 6], 29],
    [[0, 6, 14, 5], 25],
    [[0, 5, 14, 7], 26],
    [[999_056_310, 710_420_000, 18_510_000], 1_727_986_310], // sarana: the source leaves JUMLAH empty
    [[null, undefined], null],
  ])('%j -> %s', (nilai, total) => expect(jumlahBaris(nilai)).toBe(total));
});
