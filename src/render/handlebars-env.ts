/**
 * One isolated Handlebars instance per document render, with the formatting helpers every template
 * may use. Templates never do arithmetic: the calculator hands them values, these helpers only format
 * (Indonesian style, the project's single rounding rule) or pick.
 */
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { formatAngka, formatPersen, satuanPersen, satuanRupiah, type Angka } from '../util/format.js';
import { terbilang, terbilangRupiah } from '../util/terbilang.js';

export type HandlebarsEnv = typeof Handlebars;

const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "2024-09-23" -> "23 September 2024"; "2025-02" -> "Februari 2025"; "2025" -> "2025". */
export function formatTanggal(iso: string | undefined | null): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(iso));
  if (!m) return String(iso);
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const bulan = BULAN[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${bulan} ${y}` : `${bulan} ${y}`;
}

const ROMAWI: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function romawi(n: number): string {
  let rest = Math.trunc(n);
  let out = '';
  for (const [v, s] of ROMAWI) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/**
 * A value in its unit as official tables print it: "87,00%", "83,50", "2 Inovasi", "128 orang".
 * Percent-like units are glued, words are separated by a space. `desimal` defaults to
 * `desimalPersen` (pengaturan.desimal_persen) for a percentage, whatever the value, so that every
 * percentage of a document has the same decimals ("99,00%" next to "99,50%"); otherwise 2 for
 * fractional numbers and 0 for whole numbers (counts stay "128 orang").
 */
export function formatNilai(n: Angka, satuan?: string | null, desimal?: number, desimalPersen = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-';
  const d = desimal ?? (satuanPersen(satuan) ? desimalPersen : Number.isInteger(n) ? 0 : 2);
  const angka = formatAngka(n, d);
  if (!satuan || satuan === 'nilai' || satuan === 'indeks' || satuan === 'angka') return angka;
  if (satuan === '%') return `${angka}%`;
  // Rupiah is written before the amount in Indonesian ("Rp 480.000.000.000"), never after it.
  if (satuanRupiah(satuan)) return `Rp ${angka}`;
  return `${angka} ${satuan}`;
}

/** Creates the isolated instance with the shared formatting helpers registered. */
export function createEnv(desimalPersen = 2): HandlebarsEnv {
  // Required on first use so that importing this module (for formatNilai, romawi) stays cheap.
  const hb = (createRequire(import.meta.url)('handlebars') as typeof Handlebars).create();
  const num = (v: unknown): Angka => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));
  const opt = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

  hb.registerHelper('angka', (v: unknown, d: unknown) => formatAngka(num(v), opt(d) ?? 0));
  hb.registerHelper('desimal', (v: unknown, d: unknown) => formatAngka(num(v), opt(d) ?? 2));
  hb.registerHelper('persen', (v: unknown, d: unknown) => formatPersen(num(v), opt(d) ?? desimalPersen));
  hb.registerHelper('rupiah', (v: unknown) => formatAngka(num(v), 0));
  hb.registerHelper('nilai', (v: unknown, satuan: unknown, d: unknown) =>
    formatNilai(num(v), typeof satuan === 'string' ? satuan : null, opt(d), desimalPersen),
  );
  hb.registerHelper('terbilang', (v: unknown) => (typeof v === 'number' ? terbilang(v) : ''));
  hb.registerHelper('terbilang_rupiah', (v: unknown) => (typeof v === 'number' ? terbilangRupiah(v) : ''));
  hb.registerHelper('tanggal', (v: unknown) => formatTanggal(typeof v === 'string' ? v : null));
  hb.registerHelper('romawi', (v: unknown) => (typeof v === 'number' ? romawi(v) : ''));
  hb.registerHelper('huruf_besar', (v: unknown) => (typeof v === 'string' ? v.toLocaleUpperCase('id-ID') : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ada', (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  hb.registerHelper('baris_ke', (i: unknown) => Number(i) + 1);
  return hb;
}
