/**
 * Capaian (achievement %), its category and the grade of a value. Pure functions.
 */
import type { BatasKategori, Indikator, Polaritas, RumusCapaian } from '../model/types.js';
import { bulatkan } from '../util/format.js';
import { bersihkan } from './angka.js';
import type { Diagnostic, Nilai } from './types.js';

export { bersihkan, persen } from './angka.js';

/**
 * Default scale. The printed "Tabel Skala Penilaian" (91-100, 76-90, 66-75, 51-65, <=50) has gaps
 * (90 < x < 91) and nothing above 100 although the LKJIP reports 157 % as "Sangat Tinggi"; every
 * boundary here is "strictly greater than", so each value has exactly one category.
 */
export const SKALA_BAKU: readonly BatasKategori[] = Object.freeze([
  { kategori: 'Sangat Tinggi', lebih_dari: 90 },
  { kategori: 'Tinggi', lebih_dari: 75 },
  { kategori: 'Sedang', lebih_dari: 65 },
  { kategori: 'Rendah', lebih_dari: 50 },
  { kategori: 'Sangat Rendah', lebih_dari: null },
]);

/** The formula an indicator uses: its own, else the one its polarity implies. */
export function rumusIndikator(ind: Pick<Indikator, 'polaritas' | 'rumus_capaian'>): RumusCapaian {
  return ind.rumus_capaian ?? rumusDariPolaritas(ind.polaritas);
}

export function rumusDariPolaritas(polaritas: Polaritas): RumusCapaian {
  return polaritas === 'rendah_baik' ? 'formulasi_2' : 'formulasi_1';
}

function adalahPolaritas(r: RumusCapaian | Polaritas): r is Polaritas {
  return r === 'tinggi_baik' || r === 'rendah_baik';
}

export interface HasilCapaian {
  nilai: Nilai;
  peringatan: Diagnostic[];
}

/**
 * Capaian in percent.
 * - formulasi_1: realisasi / target x 100 (higher is better)
 * - formulasi_2: (target - (realisasi - target)) / target x 100 (lower is better)
 * - target_per_realisasi: target / realisasi x 100
 * `rumus` may also be a polarity, meaning its default formula. A missing value or a zero divisor
 * gives `null` and a warning, never NaN/Infinity/#DIV/0!. `label` names the row in the message.
 */
export function hitungCapaian(
  target: Nilai | undefined,
  realisasi: Nilai | undefined,
  rumus: RumusCapaian | Polaritas = 'formulasi_1',
  label = 'indikator',
): HasilCapaian {
  const r = adalahPolaritas(rumus) ? rumusDariPolaritas(rumus) : rumus;
  if (target == null || !Number.isFinite(target)) {
    return gagal('CAPAIAN_TARGET_KOSONG', `Capaian ${label} tidak dapat dihitung: target tidak ada.`,
      'Isi target tahun ini (kinerja.yaml/program.yaml, PK, atau target Renstra).');
  }
  if (realisasi == null || !Number.isFinite(realisasi)) {
    return gagal('CAPAIAN_REALISASI_KOSONG', `Capaian ${label} tidak dapat dihitung: realisasi belum ada.`,
      'Isi realisasi bila sudah tersedia; sampai saat itu tabel menampilkan "-".');
  }
  if (r === 'target_per_realisasi') {
    if (realisasi === 0) {
      return gagal('CAPAIAN_REALISASI_NOL', `Capaian ${label} tidak dapat dihitung: realisasi 0 dengan rumus target/realisasi.`,
        'Periksa realisasi atau gunakan rumus_capaian formulasi_2.');
    }
    return { nilai: bersihkan((target * 100) / realisasi), peringatan: [] };
  }
  if (target === 0) {
    return gagal('CAPAIAN_TARGET_NOL', `Capaian ${label} tidak dapat dihitung: target 0 (pembagian dengan nol).`,
      'Target 0 berarti tidak ada yang diukur tahun ini; tabel menampilkan "-".');
  }
  const pembilang = r === 'formulasi_2' ? target - (realisasi - target) : realisasi;
  return { nilai: bersihkan((pembilang * 100) / target), peringatan: [] };
}

function gagal(code: string, message: string, hint: string): HasilCapaian {
  return { nilai: null, peringatan: [{ code, severity: 'warning', message, hint }] };
}

/** Rows sorted from the highest bound down, the open (`null`) row last. */
function urutkan<T extends { lebih_dari: number | null }>(skala: readonly T[]): T[] {
  return [...skala].sort((a, b) => {
    if (a.lebih_dari === null) return b.lebih_dari === null ? 0 : 1;
    if (b.lebih_dari === null) return -1;
    return b.lebih_dari - a.lebih_dari;
  });
}

function cariBaris<T extends { lebih_dari: number | null }>(nilai: number, skala: readonly T[]): T | null {
  for (const baris of urutkan(skala)) {
    if (baris.lebih_dari === null || nilai > baris.lebih_dari) return baris;
  }
  return null;
}

/**
 * Category of a capaian on a scale: the first row (high to low) whose `lebih_dari` the value
 * strictly exceeds; the `null` row takes the rest. With `desimal`, the value is first rounded as it
 * will be printed, so a row never shows "90,00" next to "Sangat Tinggi".
 */
export function kategori(
  capaian: Nilai | undefined,
  skala: readonly BatasKategori[] = SKALA_BAKU,
  desimal?: number,
): string | null {
  if (capaian == null || !Number.isFinite(capaian)) return null;
  const v = desimal === undefined ? capaian : bulatkan(capaian, desimal);
  return cariBaris(v, skala.length > 0 ? skala : SKALA_BAKU)?.kategori ?? null;
}

/** Grade of a value on the indicator's own scale (SAKIP 81,30 -> "A"); null without a scale. */
export function predikat(
  nilai: Nilai | undefined,
  skala: Indikator['predikat'],
  desimal?: number,
): string | null {
  if (nilai == null || !Number.isFinite(nilai) || !skala || skala.length === 0) return null;
  const v = desimal === undefined ? nilai : bulatkan(nilai, desimal);
  return cariBaris(v, skala)?.predikat ?? null;
}

/** Mean of the values that exist; null when none does. */
export function rataRata(nilai: readonly (Nilai | undefined)[]): { rata: Nilai; jumlah: number } {
  const ada = nilai.filter((v): v is number => v != null && Number.isFinite(v));
  if (ada.length === 0) return { rata: null, jumlah: 0 };
  return { rata: bersihkan(ada.reduce((s, v) => s + v, 0) / ada.length), jumlah: ada.length };
}
