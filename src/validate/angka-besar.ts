import { diagnosa, type Diagnostic } from '../diagnostics.js';
import type { LoadedFile } from '../load/load-data.js';
import { namaKolom } from './schema-errors.js';

/** At most this many LKJ209 per file: one wrong column pasted down a table says it all. */
const MAKS_PER_BERKAS = 10;

/** A number no calculation can use: infinite (`.inf`, `1e400` through `yaml`) or past 2^53 (digits lost). */
export function angkaTakAman(n: number): boolean {
  return !Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER;
}

/** `1e400`: YAML float syntax whose value overflows (js-yaml keeps such a scalar as text). */
export function teksAngkaTakHingga(s: string): boolean {
  return /^[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?$/.test(s) && !Number.isFinite(Number(s));
}

const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * LKJ209 for every number in a file that cannot be computed exactly. Checked on the whole value,
 * whatever the schema says: 99999999999999999999999 is a valid "integer" to JSON Schema but reaches
 * the sums as 1e23 with its last digits gone. Walks without recursion (depth is bounded at load).
 */
export function periksaAngkaBesar(f: LoadedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tumpukan: { v: unknown; p: string }[] = [{ v: f.value, p: '' }];
  while (tumpukan.length > 0 && out.length < MAKS_PER_BERKAS) {
    const { v, p } = tumpukan.pop() as { v: unknown; p: string };
    if (typeof v === 'number') {
      if (angkaTakAman(v)) {
        const pos = f.posisi(p);
        const kolom = p ? namaKolom(f.value, p) : '(berkas)';
        out.push(diagnosa('LKJ209', { kolom, ditemukan: `angka ${teksAsli(f, pos) ?? String(v)}` }, { file: f.file, ...pos, found: String(v) }));
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) tumpukan.push({ v: v[i], p: `${p}/${i}` });
    } else if (typeof v === 'object' && v !== null) {
      const e = Object.entries(v as Record<string, unknown>);
      for (let i = e.length - 1; i >= 0; i--) tumpukan.push({ v: e[i]![1], p: `${p}/${esc(e[i]![0])}` });
    }
  }
  return out;
}

/** The number as written in the file (`99999999999999999999999`, not `1e+23`). */
function teksAsli(f: LoadedFile, pos: { line: number; column: number } | undefined): string | undefined {
  if (!pos) return undefined;
  const baris = f.text.split('\n', pos.line)[pos.line - 1];
  const m = baris === undefined ? null : /^[-+]?[\w.]+/.exec(baris.slice(pos.column - 1));
  return m?.[0];
}
