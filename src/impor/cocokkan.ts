/**
 * Compares a returned fill-in workbook with what it held when it was written (its hidden memory)
 * and with the data now, and turns it into a list of changes, or into every problem at once, each
 * with its cell (`Indikator!K7`) and row id. Rows are matched by id, columns by header text, so a
 * filtered or re-sorted sheet and moved columns still read right.
 *
 * Numbers stored as text are refused, never guessed: "1.234" is one thousand two hundred
 * thirty-four in Indonesian and one point two three four in English, and a guess that goes wrong
 * changes money silently. The message gives the number the text seems to mean, so retyping it is
 * quick (see LKJ711).
 */
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import { tampilkanSel, type BukuIsian, type LembarIsian, type Medan, type NilaiSel } from '../isian/model.js';
import { alamatSel } from '../isian/alamat.js';
import type { Jejak, JejakLembar } from '../isian/jejak.js';
import type { TipeNilai } from '../isian/skema.js';
import { sarankanAngka } from '../validate/number-text.js';
import type { BukuBaca, SelBaca } from './baca-xlsx.js';
import { HAPUS, type NilaiSkalar } from './sunting-yaml.js';

export interface Perubahan {
  medan: Medan;
  /** Value in the data now (undefined: absent). */
  lama: NilaiSel;
  baru: NilaiSkalar | typeof HAPUS;
  /** `Indikator!K7` */
  sel: string;
  lembar: string;
  id: string;
  /** Header of the column. */
  kolom: string;
}

/** Where an input cell of the current data sits in the returned workbook. */
export interface LetakMedan {
  sel: string;
  lembar: string;
  id: string;
  kolom: string;
}

export interface HasilCocok {
  perubahan: Perubahan[];
  diagnostik: Diagnostic[];
  letak: Map<Medan, LetakMedan>;
}

/** Numbers as spreadsheets keep them: 15 significant digits (0.1 + 0.2 is 0.3). */
export function rapikanAngka(n: number): number {
  return Number(n.toPrecision(15));
}

/** Text as compared and written: Windows line breaks as \n, no spaces around. */
export const rapikanTeks = (s: string): string => s.replace(/\r\n?/g, '\n').trim();

const kosong = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Equality of cell values: empty = empty, numbers to 15 digits, texts trimmed. */
export function samaSel(a: unknown, b: unknown): boolean {
  if (kosong(a) || kosong(b)) return kosong(a) && kosong(b);
  if (typeof a === 'number' && typeof b === 'number') return rapikanAngka(a) === rapikanAngka(b);
  if (typeof a === 'string' && typeof b === 'string') return rapikanTeks(a) === rapikanTeks(b);
  return a === b;
}

function teksSel(s: SelBaca | undefined): string {
  if (!s) return '';
  if (s.jenis === 'angka') return String(s.nilai);
  if (s.jenis === 'boolean') return s.nilai ? 'TRUE' : 'FALSE';
  return String(s.nilai);
}

function tampilBaca(s: SelBaca): string {
  switch (s.jenis) {
    case 'angka':
      return tampilkanSel(s.nilai);
    case 'boolean':
      return s.nilai ? 'TRUE' : 'FALSE';
    case 'tanggal':
      return `tanggal ${s.nilai}`;
    case 'tanpa-hasil':
      return 'rumus tanpa hasil tersimpan';
    default:
      return JSON.stringify(s.nilai);
  }
}

type Baca = { ok: true; nilai: NilaiSkalar } | { ok: false; d: Diagnostic };

const YA = new Set(['ya', 'y', 'true', 'benar', '1']);
const TIDAK = new Set(['tidak', 't', 'false', 'salah', '0']);

/** A cell read as the type its place in the data wants; null for an empty cell. */
export function bacaSel(s: SelBaca | undefined, tipe: TipeNilai, kolom: string, id: string, sel: string): Baca {
  const gagal = (d: Diagnostic): Baca => ({ ok: false, d });
  const lok = { sel };
  if (!s || (s.jenis === 'teks' && s.nilai.trim() === '')) return { ok: true, nilai: null };
  if (s.jenis === 'galat' || s.jenis === 'tanpa-hasil') return gagal(diagnosa('LKJ716', { kolom, id, nilai: tampilBaca(s) }, lok));
  if (tipe.jenis === 'angka') {
    if (s.jenis === 'angka') {
      if (s.persen) {
        return gagal(diagnosa('LKJ735', { kolom, id, tampil: tampilkanSel(rapikanAngka(s.nilai * 100)), nilai: tampilkanSel(rapikanAngka(s.nilai)) }, lok));
      }
      const n = rapikanAngka(s.nilai);
      if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return gagal(diagnosa('LKJ718', { kolom, id, nilai: String(s.nilai) }, lok));
      if (tipe.bulat && !Number.isInteger(n)) return gagal(diagnosa('LKJ713', { kolom, id, nilai: tampilkanSel(n) }, lok));
      if (tipe.min !== undefined && n < tipe.min) return gagal(diagnosa('LKJ714', { kolom, id, nilai: tampilkanSel(n), aturan: `harus ${tipe.min} atau lebih` }, lok));
      if (tipe.max !== undefined && n > tipe.max) return gagal(diagnosa('LKJ714', { kolom, id, nilai: tampilkanSel(n), aturan: `paling besar ${tipe.max}` }, lok));
      return { ok: true, nilai: n };
    }
    if (s.jenis === 'teks') {
      const saran = sarankanAngka(s.nilai, tipe.bulat);
      if (saran !== undefined) {
        const angka = tampilkanSel(Number(saran));
        return gagal(diagnosa('LKJ711', { kolom, id, teks: s.nilai, angka, koma: /\d,\d/.test(s.nilai) && !/^\d{1,3}(,\d{3})+$/.test(s.nilai.trim()) }, lok));
      }
      return gagal(diagnosa('LKJ710', { kolom, id, teks: s.nilai }, lok));
    }
    if (s.jenis === 'tanggal') return gagal(diagnosa('LKJ712', { kolom, id, tanggal: s.nilai }, lok));
    return gagal(diagnosa('LKJ719', { kolom, id, ditemukan: tampilBaca(s), diharapkan: 'angka' }, lok));
  }
  if (tipe.jenis === 'boolean') {
    if (s.jenis === 'boolean') return { ok: true, nilai: s.nilai };
    const t = teksSel(s).trim().toLowerCase();
    if (YA.has(t)) return { ok: true, nilai: true };
    if (TIDAK.has(t)) return { ok: true, nilai: false };
    return gagal(diagnosa('LKJ715', { kolom, id, nilai: tampilBaca(s), pilihan: 'ya, tidak' }, lok));
  }
  // Text.
  if (s.jenis === 'boolean') return gagal(diagnosa('LKJ719', { kolom, id, ditemukan: tampilBaca(s), diharapkan: 'teks' }, lok));
  const teks = s.jenis === 'angka' ? String(rapikanAngka(s.nilai)) : rapikanTeks(String(s.nilai));
  if (tipe.pilihan) {
    const cocok = tipe.pilihan.find((p) => p.toLowerCase() === teks.toLowerCase());
    if (!cocok) return gagal(diagnosa('LKJ715', { kolom, id, nilai: JSON.stringify(teks), pilihan: tipe.pilihan.join(', ') }, lok));
    return { ok: true, nilai: cocok };
  }
  return { ok: true, nilai: teks };
}

const normalJudul = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Reads every sheet of the memory back from the workbook. `buku` is the model built from the
 * data now (its input cells carry the current values and where they go).
 */
export function cocokkan(buku: BukuIsian, baca: BukuBaca, jejak: Jejak): HasilCocok {
  const diagnostik: Diagnostic[] = [];
  const perubahan: Perubahan[] = [];
  const letak = new Map<Medan, LetakMedan>();
  for (const jl of jejak.lembar) {
    const model = buku.lembar.find((l) => l.nama === jl.nama);
    cocokkanLembar(jl, model, baca, diagnostik, perubahan, letak);
  }
  return { perubahan, diagnostik, letak };
}

function cocokkanLembar(
  jl: JejakLembar,
  model: LembarIsian | undefined,
  baca: BukuBaca,
  diagnostik: Diagnostic[],
  perubahan: Perubahan[],
  letak: Map<Medan, LetakMedan>,
): void {
  const ws = baca.lembar.get(jl.nama);
  if (!ws) {
    diagnostik.push(diagnosa('LKJ705', { lembar: jl.nama }));
    return;
  }
  // Columns by header text (row 1).
  const kepala = new Map<string, number>();
  for (const [k, s] of ws.baris.get(1) ?? []) {
    const j = normalJudul(teksSel(s));
    if (j && !kepala.has(j)) kepala.set(j, k);
  }
  const kolomWs: (number | undefined)[] = jl.kolom.map((k) => kepala.get(normalJudul(k.judul)));
  let kurang = false;
  jl.kolom.forEach((k, i) => {
    if (kolomWs[i] === undefined && (k.peran === 'id' || k.peran === 'isian')) {
      diagnostik.push(diagnosa('LKJ706', { lembar: jl.nama, kolom: k.judul }, { sel: alamatSel(jl.nama, 1, 1) }));
      kurang = true;
    }
  });
  if (kurang) return;
  const iId = jl.kolom.findIndex((k) => k.peran === 'id');
  const kId = kolomWs[iId] as number;
  const perId = new Map(jl.baris.map((b, i) => [b.id, { b, i }]));
  const modelPerId = new Map((model?.baris ?? []).map((b) => [b.id, b]));
  const idDiBuku = new Set<string>();
  for (const [, sel] of ws.baris) {
    const t = teksSel(sel.get(kId)).trim();
    if (t) idDiBuku.add(t);
  }
  const dilihat = new Map<string, number>();
  const diganti = new Set<string>();

  for (const [r, sel] of [...ws.baris].sort(([a], [b]) => a - b)) {
    if (r === 1) continue;
    const id = teksSel(sel.get(kId)).trim();
    const adaIsi = kolomWs.some((k, i) => k !== undefined && i !== iId && jl.kolom[i]?.peran !== 'rumus' && !kosong(sel.get(k)?.nilai));
    if (!id) {
      if (adaIsi) diagnostik.push(diagnosa('LKJ726', { lembar: jl.nama }, { sel: alamatSel(jl.nama, kId, r) }));
      continue;
    }
    const ada = perId.get(id);
    if (!ada) {
      const semula = jl.baris[r - 2]?.id;
      if (semula !== undefined && !idDiBuku.has(semula)) {
        diganti.add(semula);
        diagnostik.push(diagnosa('LKJ721', { lembar: jl.nama, id, semula }, { sel: alamatSel(jl.nama, kId, r) }));
      } else {
        diagnostik.push(diagnosa('LKJ720', { lembar: jl.nama, id }, { sel: alamatSel(jl.nama, kId, r) }));
      }
      continue;
    }
    const pertama = dilihat.get(id);
    if (pertama !== undefined) {
      diagnostik.push(diagnosa('LKJ723', { lembar: jl.nama, id, pertama: alamatSel(jl.nama, kId, pertama) }, { sel: alamatSel(jl.nama, kId, r) }));
      continue;
    }
    dilihat.set(id, r);
    const { b } = ada;
    const barisModel = modelPerId.get(id);
    jl.kolom.forEach((k, ci) => {
      const kw = kolomWs[ci];
      if (kw === undefined || k.peran === 'rumus' || k.peran === 'id') return;
      const s = sel.get(kw);
      const alamat = alamatSel(jl.nama, kw, r);
      const semula = b.v[ci] ?? null;
      if (k.peran === 'info') {
        // Tools differ in line breaks and spaces inside long names: compare the words.
        const kata = (x: string): string => x.replace(/\s+/g, ' ').trim();
        if (kata(teksSel(s)) !== kata(String(semula ?? ''))) {
          diagnostik.push(
            diagnosa('LKJ724', { kolom: k.judul, id, semula: JSON.stringify(String(semula ?? '')), sekarang: JSON.stringify(teksSel(s)) }, { sel: alamat }),
          );
        }
        return;
      }
      const medan = barisModel?.sel[k.kunci]?.medan;
      if (medan) letak.set(medan, { sel: alamat, lembar: jl.nama, id, kolom: k.judul });
      if (!b.isian.includes(ci)) {
        if (s && !kosong(s.nilai) && !samaSel(teksSel(s), semula === null ? null : String(semula))) {
          diagnostik.push(diagnosa('LKJ725', { kolom: k.judul, id, nilai: tampilBaca(s) }, { sel: alamat }));
        }
        return;
      }
      if (!medan) {
        // The data no longer has this place: fine while the cell is as it was.
        if (!samaSel(s === undefined ? null : s.jenis === 'angka' ? s.nilai : teksSel(s), semula)) {
          diagnostik.push(diagnosa('LKJ733', { lembar: jl.nama, id, kolom: k.judul }, { sel: alamat }));
        }
        return;
      }
      const h = bacaSel(s, medan.tipe, k.judul, id, alamat);
      if (!h.ok) {
        diagnostik.push(h.d);
        return;
      }
      const w = h.nilai;
      if (samaSel(w, semula)) return;
      const c = medan.nilai;
      if (!samaSel(c, semula)) {
        if (samaSel(c, w)) return;
        diagnostik.push(
          diagnosa('LKJ730', { kolom: k.judul, id, semula: tampilkanSel(semula), data: tampilkanSel(c), buku: tampilkanSel(w), berkas: medan.berkas }, { sel: alamat }),
        );
        return;
      }
      let baru: NilaiSkalar | typeof HAPUS;
      if (w === null) {
        if (c === undefined) return;
        if (medan.tipe.nullable) baru = null;
        else if (medan.tipe.wajib || typeof medan.jalur[medan.jalur.length - 1] === 'number') {
          diagnostik.push(diagnosa('LKJ717', { kolom: k.judul, id }, { sel: alamat }));
          return;
        } else baru = HAPUS;
      } else baru = w;
      perubahan.push({ medan, lama: c, baru, sel: alamat, lembar: jl.nama, id, kolom: k.judul });
    });
  }
  jl.baris.forEach((b, i) => {
    if (!dilihat.has(b.id) && !diganti.has(b.id)) {
      diagnostik.push(diagnosa('LKJ722', { lembar: jl.nama, id: b.id, baris: i + 2 }, { sel: alamatSel(jl.nama, kId, i + 2) }));
    }
  });
}
