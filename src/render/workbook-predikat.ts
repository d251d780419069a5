/**
 * Grades in their own column. A value graded on its indicator's own scale (a SAKIP score 81,30 is
 * "A", an IP ASN index 86 "Tinggi") prints in the PDF as "81,30 (A)"; in the workbook the value
 * cell keeps the bare number and a PREDIKAT column inserted right after it holds the grade, as a
 * live formula on the value with the calculator's grade cached. Columns are inserted only where a
 * sheet has a graded value, so a sheet without one keeps the form's columns exactly.
 *
 * Builders mark a value cell with `predikat` (workbook-model.ts `Sel`) and write their sheet as if
 * there were no such column; this module moves every later column one place right, rewriting the
 * sheet's own cell references in formulas, merges, widths and the header (a header cell over the
 * value column alone gets a "PREDIKAT" cell beside it; one over several columns grows; the row of
 * column numbers labels it "3a" after "3"). References from other sheets are not rewritten: only
 * the LRA sheet is referenced from elsewhere, and it holds money, never grades.
 */
import { kunci, ref } from './workbook-alamat.js';
import type { Gabung, LembarIsi, Sel } from './workbook-model.js';
import { rumusKategori } from './workbook-rumus.js';

/** Design width (most) of a PREDIKAT column: a grade is a word or two ("Sangat Tinggi"). */
const LEBAR_PREDIKAT = 9;

function hurufKeAngka(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function angkaKeHuruf(c: number): string {
  return ref(1, c).replace(/\d+$/, '');
}

/**
 * Rewrites the column of every reference to this sheet in a formula. Quoted text and references
 * to other sheets ("LRA!C12", "'Tabel 1'!A1:B2") are left as they are.
 */
export function geserRumus(f: string, geser: (c: number) => number): string {
  const token = /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(\$?)([A-Z]{1,3})(\$?\d+)(?![\w(])/g;
  return f.replace(token, (m, teks: string | undefined, lain: string | undefined, dolar: string, kolom: string, baris: string, i: number) => {
    if (teks || lain) return m;
    const sebelum = i > 0 ? f[i - 1] ?? '' : '';
    if (/[\w.!$]/.test(sebelum)) return m;
    return `${dolar}${angkaKeHuruf(geser(hurufKeAngka(kolom)))}${baris}`;
  });
}

/** The columns holding at least one graded value. */
function kolomBernilai(l: LembarIsi): number[] {
  const kolom = new Set<number>();
  for (const [k, s] of l.sel) {
    if (s.predikat && s.predikat.skala.length > 0) kolom.add(Number(k.split(',')[1]));
  }
  return [...kolom].sort((a, b) => a - b);
}

/** The header cell (merge or single cell) covering row r, column c. */
function selKepalaDi(l: LembarIsi, r: number, c: number): Gabung | null {
  for (const g of l.gabung) if (r >= g.r1 && r <= g.r2 && c >= g.c1 && c <= g.c2) return g;
  return l.sel.has(kunci(r, c)) ? { r1: r, c1: c, r2: r, c2: c } : null;
}

export function sisipKolomPredikat(l: LembarIsi): LembarIsi {
  const dinilai = kolomBernilai(l);
  if (dinilai.length === 0) return l;
  const geser = (c: number): number => c + dinilai.filter((g) => g < c).length;
  const kolomPredikat = (g: number): number => geser(g) + 1;
  const ujungKepala = l.nomor > 0 ? l.nomor - 1 : l.kepala.sampai;
  const kepala = (r: number): boolean => l.kepala.dari > 0 && r >= l.kepala.dari && r <= l.kepala.sampai;

  const sel = new Map<string, Sel>();
  for (const [k, s] of l.sel) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    const baru: Sel = s.f !== undefined ? { ...s, f: geserRumus(s.f, geser) } : { ...s };
    delete baru.predikat;
    sel.set(kunci(r, geser(c)), baru);
    const p = s.predikat;
    if (p && p.skala.length > 0 && !kepala(r)) {
      sel.set(kunci(r, kolomPredikat(c)), {
        f: rumusKategori(ref(r, geser(c)), p.skala, p.desimal),
        hasil: p.hasil,
        rata: 'tengah',
        ...(s.tebal ? { tebal: true } : {}),
      });
    }
  }

  const gabung: Gabung[] = [];
  for (const g of l.gabung) {
    const baru = { r1: g.r1, c1: geser(g.c1), r2: g.r2, c2: geser(g.c2) };
    if (dinilai.includes(g.c2)) {
      if (g.c1 < g.c2) baru.c2 = kolomPredikat(g.c2);
      else if (!kepala(g.r1)) gabung.push({ ...baru, c1: kolomPredikat(g.c2), c2: kolomPredikat(g.c2) });
    }
    gabung.push(baru);
  }

  for (const g of dinilai) {
    const cp = kolomPredikat(g);
    // The first header row where a cell covers this column alone: "PREDIKAT" beside it, down to
    // the last header row (multi-column cells above it have grown over the new column).
    for (let r = l.kepala.dari; l.kepala.dari > 0 && r <= ujungKepala; r++) {
      const h = selKepalaDi(l, r, g);
      if (!h || h.c1 !== g || h.c2 !== g) continue;
      sel.set(kunci(r, cp), { v: 'PREDIKAT', tebal: true, rata: 'tengah' });
      if (ujungKepala > r) gabung.push({ r1: r, c1: cp, r2: ujungKepala, c2: cp });
      break;
    }
    if (l.nomor > 0) {
      const h = selKepalaDi(l, l.nomor, g);
      const label = l.sel.get(kunci(l.nomor, g))?.v;
      if (h && h.c1 === g && h.c2 === g) {
        sel.set(kunci(l.nomor, cp), { v: /^\d+$/.test(String(label ?? '')) ? `${label}a` : '', rata: 'tengah', miring: true });
      }
    }
  }

  const lebar: number[] = [];
  l.lebar.forEach((w, i) => {
    lebar.push(w);
    if (dinilai.includes(i + 1)) lebar.push(LEBAR_PREDIKAT);
  });
  const kunciBaru = l.kolomKunci > 0 ? geser(l.kolomKunci + 1) - 1 : 0;
  const penanda = l.penanda ? Object.fromEntries(Object.entries(l.penanda).map(([n, p]) => [n, { r: p.r, c: geser(p.c) }])) : undefined;
  return { ...l, sel, gabung, lebar, kolomKunci: kunciBaru, ...(penanda ? { penanda } : {}) };
}
