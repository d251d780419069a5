/**
 * Excel formulas of the annexes, one builder per computing rule of the calculator, so a sheet's
 * formula gives what `hitungTahun` gave (its cached result). Conventions:
 * - a missing input, or a divisor that is 0, gives "" (empty text), never #DIV/0!: every division
 *   sits inside `IF(AND(ISNUMBER(..),ISNUMBER(..),den<>0), .., "")` (the calculator's null);
 * - a sum of cells that may be empty is `IF(COUNT(..)=0,"",SUM(..))` (jumlahkan: null when none);
 * - "the latest reported" value is a chain of `IF(ISNUMBER(..))` from the last cell back;
 * - functions are those Excel and LibreOffice share (IF, AND, ISNUMBER, COUNT, SUM, AVERAGE, ROUND).
 */
import type { BatasKategori, RumusCapaian } from '../model/types.js';
import { satuanPersen } from '../util/format.js';

/** Guarded a / b x 100. */
export function rumusPersen(a: string, b: string): string {
  return `IF(AND(ISNUMBER(${a}),ISNUMBER(${b}),${b}<>0),${a}/${b}*100,"")`;
}

/**
 * Capaian with the indicator's formula (calc/capaian.ts):
 * formulasi_1 realisasi/target x 100; formulasi_2 (target-(realisasi-target))/target x 100;
 * target_per_realisasi target/realisasi x 100.
 */
export function rumusCapaian(rumus: RumusCapaian, target: string, realisasi: string): string {
  const ada = `ISNUMBER(${target}),ISNUMBER(${realisasi})`;
  switch (rumus) {
    case 'formulasi_2':
      return `IF(AND(${ada},${target}<>0),(${target}-(${realisasi}-${target}))/${target}*100,"")`;
    case 'target_per_realisasi':
      return `IF(AND(${ada},${realisasi}<>0),${target}/${realisasi}*100,"")`;
    default:
      return `IF(AND(${ada},${target}<>0),${realisasi}/${target}*100,"")`;
  }
}

/** Excel's SUM takes at most 255 arguments: longer lists are summed in chunks. */
function daftarArgumen(refs: readonly string[]): string {
  if (refs.length <= 200) return refs.join(',');
  const potong: string[] = [];
  for (let i = 0; i < refs.length; i += 200) potong.push(`SUM(${refs.slice(i, i + 200).join(',')})`);
  return potong.join(',');
}

/** Sum of cells that are always numbers (LRA money): plain SUM. */
export function rumusSum(refs: readonly string[]): string {
  return refs.length === 0 ? '0' : `SUM(${daftarArgumen(refs)})`;
}

/** Sum of the cells that have a value; "" when none has (calculator's jumlahkan). */
export function rumusJumlah(refs: readonly string[]): string {
  if (refs.length === 0) return '""';
  const a = daftarArgumen(refs);
  return `IF(COUNT(${a})=0,"",SUM(${a}))`;
}

/** The last of `refs` (in order) that holds a number; "" when none does. */
export function rumusTerakhir(refs: readonly string[]): string {
  let f = '""';
  for (const r of refs) f = `IF(ISNUMBER(${r}),${r},${f})`;
  return f;
}

/** Mean of the numbers in a range / list; "" when there is none (calculator's rataRata). */
export function rumusRata(refs: readonly string[]): string {
  if (refs.length === 0) return '""';
  const a = daftarArgumen(refs);
  return `IF(COUNT(${a})=0,"",AVERAGE(${a}))`;
}

/** 100 - a (% efisiensi); "" when a is empty. */
export function rumusEfisiensi(a: string): string {
  return `IF(ISNUMBER(${a}),100-${a},"")`;
}

function teksExcel(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Category of a capaian on the scale (calc/capaian.ts `kategori`): the value rounded to the
 * printed decimals, strictly greater than a row's bound, rows read from the highest down.
 */
export function rumusKategori(capaian: string, skala: readonly BatasKategori[], desimal: number): string {
  const urut = [...skala].sort((a, b) => {
    if (a.lebih_dari === null) return b.lebih_dari === null ? 0 : 1;
    if (b.lebih_dari === null) return -1;
    return b.lebih_dari - a.lebih_dari;
  });
  const v = `ROUND(${capaian},${desimal})`;
  let f = '""';
  for (let i = urut.length - 1; i >= 0; i--) {
    const b = urut[i];
    if (!b) continue;
    f = b.lebih_dari === null ? teksExcel(b.kategori) : `IF(${v}>${b.lebih_dari},${teksExcel(b.kategori)},${f})`;
  }
  return `IF(ISNUMBER(${capaian}),${f},"")`;
}

/**
 * Number format of an indicator value, the decimals the PDF prints (render/handlebars-env.ts
 * formatNilai): a percentage with `desimalPersen` (pengaturan.desimal_persen), a fraction with two,
 * else whole numbers. Never the unit: that is the sheet's SATUAN column (no literal text in a number
 * format, so every value stays a number for Excel).
 */
export function formatNilai(satuan: string | null | undefined, nilai: number | null | undefined, desimalPersen = 2): string {
  const d = satuanPersen(satuan) ? desimalPersen : typeof nilai === 'number' && !Number.isInteger(nilai) ? 2 : 0;
  return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

/** An indicator's own grading scale (SAKIP AA/A/BB...) as category rows; null without one. */
export function skalaPredikat(skala: readonly { predikat: string; lebih_dari: number | null }[] | undefined): BatasKategori[] | null {
  if (!skala || skala.length === 0) return null;
  return skala.map((b) => ({ kategori: b.predikat, lebih_dari: b.lebih_dari }));
}
