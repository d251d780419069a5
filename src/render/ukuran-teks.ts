/**
 * How wide a text prints in Arimo, without a browser: the column widths of the wide forms are
 * computed from the values they will hold, so that a rupiah amount or a kode always fits its cell
 * on one line at the form's type size (an agency with trillions gets wider Rp columns, never a
 * number broken at a thousands dot).
 *
 * Arimo is metrically compatible with Arial, whose advance widths are those of Helvetica: the
 * tables below are the Helvetica / Helvetica-Bold AFM widths (1/1000 em) of printable ASCII.
 * Other characters count as a wide letter, so an estimate errs on the wide side.
 */

const ASCII_PERTAMA = 32;

// prettier-ignore
const BIASA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];

// prettier-ignore
const TEBAL = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Width of a character outside printable ASCII (letters with diacritics, "×", "–"). */
const LAIN = { biasa: 722, tebal: 778 };

const MM_PER_PT = 25.4 / 72;

/** Width in mm of `teks` on one line at `pt` points. */
export function lebarTeks(teks: string, pt: number, tebal = false): number {
  const tabel = tebal ? TEBAL : BIASA;
  let em = 0;
  for (const ch of teks) {
    const w = tabel[(ch.codePointAt(0) ?? 0) - ASCII_PERTAMA];
    em += w ?? (tebal ? LAIN.tebal : LAIN.biasa);
  }
  return (em / 1000) * pt * MM_PER_PT;
}

/** Width in mm of the widest of `teks` (0 for none). */
export function lebarTerlebar(teks: Iterable<string>, pt: number, tebal = false): number {
  let maks = 0;
  for (const t of teks) maks = Math.max(maks, lebarTeks(t, pt, tebal));
  return maks;
}

/** The longest unbreakable piece (a word between spaces) of each text: what a column must hold. */
export function kataTerlebar(teks: Iterable<string>, pt: number, tebal = false): number {
  let maks = 0;
  for (const t of teks) for (const kata of t.split(/\s+/)) maks = Math.max(maks, lebarTeks(kata, pt, tebal));
  return maks;
}
