/**
 * Numbers in Indonesian words, as written after amounts in official letters:
 * 10.560.086.840 -> "Sepuluh Miliar Lima Ratus Enam Puluh Juta Delapan Puluh Enam Ribu Delapan Ratus
 * Empat Puluh Rupiah". Rules: 1 before "ratus", "puluh", "belas" and (only as the whole group) "ribu"
 * becomes the prefix "se-": seratus, sepuluh, sebelas, seribu; but "satu juta", "satu miliar".
 */
import { bulatkan } from './format.js';

const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
/** Scale words per group of three digits; KBBI spelling "miliar" (not "milyar"). */
const SKALA = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'];

/** 0..999 in words (empty for 0). */
function ratusan(n: number): string[] {
  const kata: string[] = [];
  const r = Math.floor(n / 100);
  const sisa = n % 100;
  if (r === 1) kata.push('seratus');
  else if (r > 1) kata.push(SATUAN[r] ?? '', 'ratus');
  if (sisa === 10) kata.push('sepuluh');
  else if (sisa === 11) kata.push('sebelas');
  else if (sisa > 11 && sisa < 20) kata.push(SATUAN[sisa - 10] ?? '', 'belas');
  else {
    const p = Math.floor(sisa / 10);
    const s = sisa % 10;
    if (p > 1) kata.push(SATUAN[p] ?? '', 'puluh');
    if (s > 0) kata.push(SATUAN[s] ?? '');
  }
  return kata;
}

/** Integer in lowercase words: terbilang(1001) -> "seribu satu"; 0 -> "nol". Rounds non-integers. */
export function terbilang(n: number): string {
  if (!Number.isFinite(n)) return '';
  const bulat = bulatkan(n, 0);
  if (bulat === 0) return 'nol';
  if (bulat < 0) return 'minus ' + terbilang(-bulat);
  const digits = BigInt(bulat).toString();
  const kelompok: number[] = [];
  for (let akhir = digits.length; akhir > 0; akhir -= 3) {
    kelompok.unshift(Number(digits.slice(Math.max(0, akhir - 3), akhir)));
  }
  if (kelompok.length > SKALA.length) return digits; // beyond kuadriliun: no agency budget gets there
  const kata: string[] = [];
  kelompok.forEach((g, i) => {
    if (g === 0) return;
    const skala = SKALA[kelompok.length - 1 - i] ?? '';
    if (skala === 'ribu' && g === 1) kata.push('seribu');
    else kata.push(...ratusan(g), ...(skala ? [skala] : []));
  });
  return kata.join(' ');
}

/** Each word capitalised, as in "Sepuluh Miliar ... Rupiah". */
function kapital(teks: string): string {
  return teks.replace(/(^|\s)(\p{L})/gu, (_, sp: string, h: string) => sp + h.toUpperCase());
}

/** Rupiah in words, title case: terbilangRupiah(340000000) -> "Tiga Ratus Empat Puluh Juta Rupiah". */
export function terbilangRupiah(n: number): string {
  if (!Number.isFinite(n)) return '';
  return kapital(terbilang(n) + ' rupiah');
}
