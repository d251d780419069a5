import { describe, expect, it } from 'vitest';
import { hitungKetenagakerjaan, jumlahBaris, perubahan } from '../../src/calc/konteks.js';
import { formatPersen, formatRupiah } from '../../src/util/format.js';

describe('Tabel 1.1: angkatan kerja, TPT, TPAK from the base counts', () => {
  it.each([
    // tahun, PUK, bekerja, penganggur, AK, TPT, TPAK, printed AK / TPAK
    [2022, 906_653, 615_557, 31_221, '646.778', '4,83', '71,34', '646.778 / 71,34'],
    // 617.553 + 30.219 = 647.772; the source prints 647.752 and repeats the 2022 TPAK
    [2023, 893_299, 617_553, 30_219, '647.772', '4,67', '72,51', '647.752 / 71,34'],
    [2024, 908_607, 645_825, 25_981, '671.806', '3,87', '73,94', '671.806 / 73,94'],
  ])('%s: PUK %s, bekerja %s, penganggur %s -> AK %s, TPT %s, TPAK %s [source: %s]', (_t, puk, bekerja, penganggur, ak, tpt, tpak) => {
    const h = hitungKetenagakerjaan({ penduduk_usia_kerja: puk, bekerja, penganggur });
    expect([formatRupiah(h.angkatan_kerja), formatPersen(h.tpt), formatPersen(h.tpak)]).toEqual([ak, tpt, tpak]);
  });

  it('prose changes 2023 -> 2024: bekerja +28.272 (+4,58 %, printed 4,57), penganggur -4.238 (-14,02 %, printed -17,1)', () => {
    const b = perubahan(645_825, 617_553);
    expect([b.selisih, formatPersen(b.persen)]).toEqual([28_272, '4,58']);
    const p = perubahan(25_981, 30_219);
    expect([p.selisih, formatPersen(p.persen)]).toEqual([-4_238, '-14,02']);
  });

  it('missing counts give null, not NaN', () => {
    expect(hitungKetenagakerjaan({ penduduk_usia_kerja: 0, bekerja: null, penganggur: 5 })).toEqual({
      angkatan_kerja: null,
      tpt: null,
      tpak: null,
    });
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
