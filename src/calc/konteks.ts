/**
 * Derived figures of the context tables (Bab I): the labour-market table (Tabel 1.1) and the
 * totals of the PNS-per-golongan and sarana/prasarana tables. The shape of konteks.yaml belongs to
 * its own module; these functions take plain numbers so that module (or the renderer) can call them.
 */
import { jumlahkan, kurangi, persen } from './angka.js';
import type { Nilai } from './types.js';

export interface DasarKetenagakerjaan {
  /** Penduduk usia kerja (15 tahun ke atas) */
  penduduk_usia_kerja: Nilai;
  bekerja: Nilai;
  penganggur: Nilai;
}

export interface HasilKetenagakerjaan {
  /** Angkatan kerja = bekerja + penganggur */
  angkatan_kerja: Nilai;
  /** TPT = penganggur / angkatan kerja x 100 */
  tpt: Nilai;
  /** TPAK = angkatan kerja / penduduk usia kerja x 100 */
  tpak: Nilai;
}

/**
 * Tabel 1.1 from its base counts. For 2023 the source prints angkatan kerja 647.752 (617.553 +
 * 30.219 = 647.772) and TPAK 71,34 (the 2022 value again; the counts give 72,51).
 */
export function hitungKetenagakerjaan(d: DasarKetenagakerjaan): HasilKetenagakerjaan {
  const ak = d.bekerja == null || d.penganggur == null ? null : jumlahkan([d.bekerja, d.penganggur]);
  return {
    angkatan_kerja: ak,
    tpt: persen(d.penganggur, ak),
    tpak: persen(ak, d.penduduk_usia_kerja),
  };
}

/** Change between two years: in units and in percent of the earlier value. */
export function perubahan(sekarang: Nilai, lalu: Nilai): { selisih: Nilai; persen: Nilai } {
  const selisih = kurangi(sekarang, lalu);
  return { selisih, persen: persen(selisih, lalu) };
}

/** Row total ("JUMLAH") of a table of counts or Rupiah; null when no cell has a value. */
export function jumlahBaris(nilai: readonly (Nilai | undefined)[]): Nilai {
  return jumlahkan(nilai);
}
