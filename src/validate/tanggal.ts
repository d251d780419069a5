/**
 * Calendar dates. The schemas accept a date as "YYYY-MM-DD" (or "YYYY-MM" where only the month is
 * printed); a shape check alone lets "2024-02-30" and "2024-13-45" through, which would print as
 * "30 Februari 2024". The calendar rule is a regular expression, so the same rule runs in the
 * precompiled validators (ajv standalone inlines regular-expression formats) and in the editor
 * (the pattern is in the schema files).
 */

/** A real calendar date "YYYY-MM-DD", leap years included (Gregorian: /4, not /100, unless /400). */
export const POLA_TANGGAL = /^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

const kabisat = (t: number): boolean => (t % 4 === 0 && t % 100 !== 0) || t % 400 === 0;

/** Days in a month (1-12) of a year. */
export function hariDalamBulan(tahun: number, bulan: number): number {
  return [31, kabisat(tahun) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][bulan - 1] ?? 0;
}

/**
 * Why a text shaped like a date is not one ("bulan 13 tidak ada", "Februari 2023 hanya 28 hari"),
 * or undefined when it is a real date or month, or not shaped like a date at all.
 */
export function sebabBukanTanggal(teks: string): string | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(teks);
  if (!m) return undefined;
  const tahun = Number(m[1]);
  const bulan = Number(m[2]);
  if (bulan < 1 || bulan > 12) return `bulan ${m[2]} tidak ada (bulan 01 sampai 12)`;
  if (m[3] === undefined) return undefined;
  const hari = Number(m[3]);
  const maks = hariDalamBulan(tahun, bulan);
  if (hari < 1 || hari > maks) return `${BULAN[bulan - 1]} ${tahun} hanya ${maks} hari`;
  return undefined;
}
