/**
 * Indonesian number formatting and the project's single rounding rule.
 *
 * Rounding: half-up, away from zero, decided on the number's shortest decimal representation
 * (what `String(n)` prints), never on its binary value. So 0.125 -> 0.13 and 1.005 -> 1.01, where
 * `Number.prototype.toFixed` would give 0.13 and 1.00 (1.005 is stored as 1.00499999...).
 * The calculator never rounds; only presentation (this module) does.
 */

/** Anything a table cell may hold: a missing or impossible value prints as "-". */
export type Angka = number | null | undefined;

const STRIP = '-';

/** Plain decimal digits of a finite number, without exponent: 1e21 -> "1000000000000000000000". */
export function keStringDesimal(n: number): string {
  const s = String(Math.abs(n));
  const sign = n < 0 ? '-' : '';
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return sign + s;
  const digits = (m[1] ?? '') + (m[2] ?? '');
  const exp = Number(m[3]) - (m[2]?.length ?? 0);
  if (exp >= 0) return sign + digits + '0'.repeat(exp);
  const pos = digits.length + exp;
  return pos > 0
    ? sign + digits.slice(0, pos) + '.' + digits.slice(pos)
    : sign + '0.' + '0'.repeat(-pos) + digits;
}

/**
 * Rounds to `desimal` places and returns the sign, the integer digits and the fraction digits.
 * Works on the decimal string, with BigInt for the carry, so it is exact for every finite number.
 */
function bulatkanDigit(n: number, desimal: number): { negatif: boolean; bulat: string; pecahan: string } {
  const d = Math.max(0, Math.trunc(desimal));
  const s = keStringDesimal(n);
  const negatif = s.startsWith('-');
  const [intPart = '0', fracPart = ''] = (negatif ? s.slice(1) : s).split('.');
  const kept = intPart + fracPart.slice(0, d).padEnd(d, '0');
  const naik = (fracPart[d] ?? '0') >= '5';
  const digits = (BigInt(kept) + (naik ? 1n : 0n)).toString().padStart(d + 1, '0');
  const bulat = digits.slice(0, digits.length - d);
  const pecahan = d > 0 ? digits.slice(digits.length - d) : '';
  // "-0,00" would be a lie: a value that rounds to zero has no sign.
  const nol = /^0*$/.test(digits);
  return { negatif: negatif && !nol, bulat, pecahan };
}

/** True for a number that can be shown (finite). */
export function adaAngka(n: Angka): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Rounds with the project rule and returns a number (for charts and exports that need a value). */
export function bulatkan(n: number, desimal: number): number {
  if (!Number.isFinite(n)) return n;
  const { negatif, bulat, pecahan } = bulatkanDigit(n, desimal);
  return Number((negatif ? '-' : '') + bulat + (pecahan ? '.' + pecahan : ''));
}

/** "10560086840" -> "10.560.086.840" */
function kelompokRibuan(bulat: string): string {
  return bulat.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Indonesian number: thousands with ".", decimals with ",".
 * formatAngka(10560086840) -> "10.560.086.840"; formatAngka(89.6, 2) -> "89,60"; null -> "-".
 */
export function formatAngka(n: Angka, desimal = 0): string {
  if (!adaAngka(n)) return STRIP;
  const { negatif, bulat, pecahan } = bulatkanDigit(n, desimal);
  return (negatif ? '-' : '') + kelompokRibuan(bulat) + (pecahan ? ',' + pecahan : '');
}

/** A percentage value without the sign: formatPersen(102.988) -> "102,99". */
export function formatPersen(n: Angka, desimal = 2): string {
  return formatAngka(n, desimal);
}

/** Rupiah as whole numbers with thousands separators, no "Rp" prefix: "10.560.086.840". */
export function formatRupiah(n: Angka): string {
  return formatAngka(n, 0);
}

/**
 * An indicator value with at most `maksDesimal` decimals and no trailing zeros beyond `minDesimal`:
 * formatNilai(2) -> "2", formatNilai(89.6, 2, 2) -> "89,60", formatNilai(4.5) -> "4,5".
 */
export function formatNilai(n: Angka, maksDesimal = 2, minDesimal = 0): string {
  if (!adaAngka(n)) return STRIP;
  const teks = formatAngka(n, maksDesimal);
  const koma = teks.indexOf(',');
  if (koma < 0) return teks;
  let akhir = teks.length;
  while (akhir > koma + 1 + minDesimal && teks[akhir - 1] === '0') akhir--;
  if (akhir === koma + 1) akhir = koma;
  return teks.slice(0, akhir);
}

/** True for a rupiah unit ("Rp", "Rp.", "rupiah"): written before the amount ("Rp 480.000.000"). */
export function satuanRupiah(satuan: string | null | undefined): boolean {
  return /^(rp\.?|rupiah)$/i.test((satuan ?? '').trim());
}

/** True for a percentage unit ("%", "persen", "Persen (%)"): printed with pengaturan.desimal_persen. */
export function satuanPersen(satuan: string | null | undefined): boolean {
  const s = (satuan ?? '').trim().toLowerCase();
  return s === '%' || s.startsWith('persen');
}

/**
 * Decimals a value is shown with, by its unit: percentages with `desimalPersen`; scores, indices and
 * fractional numbers with 2; whole counts without. With several values (one row of a table over
 * years), one fractional value gives the whole row 2 decimals, so a row never mixes styles.
 */
export function desimalSatuan(satuan: string | null | undefined, nilai: Angka | readonly Angka[], desimalPersen = 2): number {
  const s = (satuan ?? '').trim().toLowerCase();
  if (satuanPersen(s)) return desimalPersen;
  const daftar: readonly Angka[] = Array.isArray(nilai) ? nilai : [nilai as Angka];
  if (s === 'nilai' || s === 'indeks' || s === 'angka' || s === 'poin') return 2;
  return daftar.some((n) => adaAngka(n) && !Number.isInteger(n)) ? 2 : 0;
}
