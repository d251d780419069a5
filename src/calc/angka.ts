/**
 * Arithmetic without binary noise. Base values are decimals typed by people (89.60, 33.3); a sum
 * or a difference of such values has no more decimals than its operands, so it is brought back
 * to exactly that many (0.1 + 0.2 -> 0.3, 89.6 - 90 -> -0.4). Quotients are cleaned to 15
 * significant digits. None of this is presentation rounding, which happens only in util/format.
 */
import { bulatkan, keStringDesimal } from '../util/format.js';
import type { Nilai } from './types.js';

/** Decimals in the shortest representation of n (89.6 -> 1, 4847392600 -> 0). */
export function jumlahDesimal(n: number): number {
  const s = keStringDesimal(n);
  const titik = s.indexOf('.');
  return titik < 0 ? 0 : s.length - titik - 1;
}

/** Removes binary noise from a quotient (1.0049999999999999 -> 1.005). */
export function bersihkan(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}

/** a / b x 100, or null when b is 0 or either side is missing. Never NaN or Infinity. */
export function persen(a: Nilai | undefined, b: Nilai | undefined): Nilai {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return bersihkan((a * 100) / b);
}

/** Sum of the values present, exact in decimals; null when none is. Integers stay integers. */
export function jumlahkan(nilai: readonly (Nilai | undefined)[]): Nilai {
  let ada = false;
  let s = 0;
  let d = 0;
  for (const v of nilai) {
    if (v == null || !Number.isFinite(v)) continue;
    ada = true;
    s += v;
    d = Math.max(d, jumlahDesimal(v));
  }
  if (!ada) return null;
  return d === 0 ? s : bulatkan(s, d);
}

/** a - b, exact in decimals; null when either is missing. */
export function kurangi(a: Nilai | undefined, b: Nilai | undefined): Nilai {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  const d = Math.max(jumlahDesimal(a), jumlahDesimal(b));
  return d === 0 ? a - b : bulatkan(a - b, d);
}
