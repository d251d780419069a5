/**
 * What of a year is still to fill in: `# TODO` comments and "TODO" texts in its YAML files,
 * realisations still null, sub kegiatan without pagu, narrative files that are still drafts
 * (first line `> TODO`), narrative references switched off until their data exists, and files
 * the year lacks for a build. `lkjip init` and `lkjip baru` print this list; `lkjip validate`
 * reports it as warnings (LKJ333).
 */
import path from 'node:path';
import { BERKAS_TAHUN, DOKUMEN_NARASI } from '../load/kinds.js';
import { tampilanPath, type Loaded, type LoadedFile } from '../load/load-data.js';
import type { DataSet, DataTahun, Program, SubKegiatan } from '../model/types.js';
import { statusTahun } from './status.js';

/** One thing still to fill in, pointing at the line to edit where there is one. */
export interface BelumDiisi {
  file: string;
  line?: number;
  column?: number;
  pesan: string;
  /** false for an item that is a missing file (reported by LKJ401/LKJ402 instead). */
  diBerkas?: boolean;
}

/** First line of a narrative draft copied by `lkjip init` or written by `lkjip baru`. */
export const PENANDA_NARASI = (tahun: number): string => `> TODO: perbarui untuk tahun ${tahun}`;

/** Wrapper of a narrative reference switched off until its data is filled in. */
export const PENANDA_REFERENSI = '{{!-- TODO:';

const POLA_TODO = /#\s*TODO\b:?\s*(.*)$/;
/**
 * A comment line continuing a sentence: lower-case prose, not another TODO and not commented-out
 * YAML (`# apbd:`, `# - { … }`).
 */
const POLA_LANJUTAN = /^\s*#\s*((?!TODO\b)(?![\w-]+:(\s|$))[a-z(].*?)\s*$/;
/** A value that is a placeholder: "TODO: nama program". */
const POLA_NILAI_TODO = /^\s*TODO\b:?\s*(.*)$/;

const URUTAN_BERKAS = Object.keys(BERKAS_TAHUN);
const urutBerkas = (f: LoadedFile): number => {
  const i = URUTAN_BERKAS.indexOf(path.basename(f.relatif).replace(/\.ya?ml$/, ''));
  return i < 0 ? URUTAN_BERKAS.length : i;
};

function baris(loaded: Loaded, f: LoadedFile, pointer: string): { line?: number; column?: number } {
  const pos = loaded.positionOf(f.file, pointer);
  return pos ? { line: pos.line, column: pos.column } : {};
}

type NodePohon = { node: SubKegiatan; tingkat: 'program' | 'kegiatan' | 'sub_kegiatan' };

export function pohon(ds: DataSet): NodePohon[] {
  const out: NodePohon[] = [];
  for (const p of ds.program.program ?? []) {
    out.push({ node: p, tingkat: 'program' });
    for (const k of (p as Program).kegiatan ?? []) {
      out.push({ node: k, tingkat: 'kegiatan' });
      for (const s of k.sub_kegiatan ?? []) out.push({ node: s, tingkat: 'sub_kegiatan' });
    }
  }
  return out;
}

/** "TODO" placeholder texts in a file's values, with their JSON pointers. */
function nilaiTodo(v: unknown, p: string, out: { path: string; teks: string }[]): void {
  if (out.length > 200) return;
  if (typeof v === 'string') {
    const m = POLA_NILAI_TODO.exec(v);
    if (m) out.push({ path: p, teks: m[1] || v.trim() });
  } else if (Array.isArray(v)) v.forEach((x, i) => nilaiTodo(x, `${p}/${i}`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nilaiTodo(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
}

/** The base files (opd.yaml, renstra/) as they still hold placeholders: part of every year's list. */
function berkasDasar(loaded: Loaded): LoadedFile[] {
  return [...loaded.files.values()].filter((f) => f.tahun === undefined).sort((a, b) => a.relatif.localeCompare(b.relatif));
}

/**
 * Everything of a year (and of the base files) that is still empty or marked as a draft. Works on
 * any year, not only one made by init or baru.
 */
export function belumDiisi(loaded: Loaded, tahun: number): BelumDiisi[] {
  const out: BelumDiisi[] = [];
  const folder = tampilanPath(path.resolve(loaded.dir, String(tahun)));
  const berkasTahun = [...loaded.files.values()].filter((f) => f.tahun === tahun).sort((a, b) => urutBerkas(a) - urutBerkas(b));
  const dt = loaded.data.tahun.get(tahun);
  for (const f of [...berkasDasar(loaded), ...berkasTahun]) out.push(...belumDiisiBerkas(loaded, f, dt));
  for (const dok of DOKUMEN_NARASI) {
    const isi = dt?.narasi[dok] ?? {};
    const draf = Object.entries(isi)
      .filter(([, teks]) => /^\s*>\s*TODO\b/.test(teks))
      .map(([nama]) => nama)
      .sort();
    if (draf.length > 0) {
      const daftar = draf.length > 6 ? `${draf.slice(0, 6).join(', ')}, …` : draf.join(', ');
      out.push({
        file: `${folder}/narasi/${dok}/`,
        pesan: `narasi masih draf (tanda "> TODO" di baris 1): ${draf.length} dari ${Object.keys(isi).length} berkas (${daftar})`,
      });
    }
    for (const [nama, teks] of Object.entries(isi)) {
      const i = teks.indexOf(PENANDA_REFERENSI);
      if (i < 0) continue;
      const jumlah = teks.split(PENANDA_REFERENSI).length - 1;
      const sebelum = teks.slice(0, i);
      out.push({
        file: `${folder}/narasi/${dok}/${nama}.md`,
        line: sebelum.split('\n').length,
        column: i - sebelum.lastIndexOf('\n'),
        pesan: `${jumlah} referensi data dinonaktifkan sampai datanya diisi; lalu buang pembungkus "${PENANDA_REFERENSI} … --}}"`,
      });
    }
  }
  if (loaded.years.includes(tahun)) {
    for (const k of statusTahun(loaded, tahun).kurang) {
      out.push({
        file: `${folder}/${k}`,
        diBerkas: false,
        pesan: k === 'lra.yaml' ? 'belum ada: Laporan Realisasi Anggaran (setelah tutup tahun); perlu untuk build' : 'belum ada; perlu untuk build',
      });
    }
  }
  return out;
}


/** What one file still lacks, in line order (the list reads like the file). */
function belumDiisiBerkas(loaded: Loaded, f: LoadedFile, dt: DataTahun | undefined): BelumDiisi[] {
  const out: BelumDiisi[] = [];
  const komentar = new Set<number>();
  // Most files of a finished year hold no TODO at all: skip them without splitting their text.
  const adaTodo = f.text.includes('TODO');
  const barisBerkas = adaTodo ? f.text.split(/\r?\n/) : [];
  barisBerkas.forEach((teks, i) => {
    const m = POLA_TODO.exec(teks);
    if (!m) return;
    komentar.add(i + 1);
    const kalimat = [m[1] || teks.trim()];
    // A sentence carried over to the next comment lines ("…(dalam tanda kutip)," / "# dan tambahkan …")
    // is printed whole, not cut at the line break.
    for (let j = i + 1; j < barisBerkas.length && !/[.:!?]\s*$/.test(kalimat[kalimat.length - 1] as string); j++) {
      const lanjut = POLA_LANJUTAN.exec(barisBerkas[j] as string);
      if (!lanjut) break;
      kalimat.push(lanjut[1] as string);
    }
    out.push({ file: f.file, line: i + 1, column: (m.index ?? 0) + 1, pesan: `TODO: ${kalimat.join(' ')}` });
  });
  if (!f.ok) return urut(out);
  const todo: { path: string; teks: string }[] = [];
  if (adaTodo) nilaiTodo(f.value, '', todo);
  for (const t of todo) {
    const lok = baris(loaded, f, t.path);
    // A value and a `# TODO` comment on the same line are one thing to fill in.
    if (lok.line !== undefined && komentar.has(lok.line)) continue;
    out.push({ file: f.file, ...lok, pesan: `TODO: ${t.teks}` });
  }
  if (f.tahun === undefined) return urut(out);
  if (f.jenis === 'kinerja' && dt?.kinerja && Array.isArray(dt.kinerja.indikator)) {
    const kosong = dt.kinerja.indikator.map((v, i) => ({ v, i })).filter(({ v }) => (v.realisasi === null || v.realisasi === undefined) && !v.keterangan);
    if (kosong.length > 0) {
      out.push({ file: f.file, ...baris(loaded, f, `/indikator/${kosong[0]?.i}`), pesan: `realisasi belum diisi: ${kosong.map(({ v }) => v.id).join(', ')}` });
    }
  }
  if (f.jenis === 'konteks' && dt?.konteks?.kondisi && Array.isArray(dt.konteks.kondisi.baris)) {
    const kosong = dt.konteks.kondisi.baris.map((b, i) => ({ b, i })).filter(({ b }) => b.nilai === null);
    if (kosong.length > 0) {
      out.push({
        file: f.file,
        ...baris(loaded, f, `/kondisi/baris/${kosong[0]?.i}/nilai`),
        pesan: `nilai tabel kondisi belum diisi: ${kosong.map(({ b, i }) => b.id ?? b.uraian ?? `baris ${i + 1}`).join(', ')}`,
      });
    }
  }
  if (f.jenis === 'program-tahun' && dt?.program && Array.isArray(dt.program.node) && loaded.dataSet) {
    const sub = new Set(pohon(loaded.dataSet).filter((n) => n.tingkat === 'sub_kegiatan').map((n) => n.node.kode));
    const tanpaPagu = dt.program.node.map((n, i) => ({ n, i })).filter(({ n }) => sub.has(n.kode) && n.pagu === undefined);
    if (tanpaPagu.length > 0) {
      out.push({ file: f.file, ...baris(loaded, f, `/node/${tanpaPagu[0]?.i}`), pesan: `pagu belum diisi: ${tanpaPagu.length} sub kegiatan` });
    }
    const tanpaRealisasi: { id: string; i: number }[] = [];
    // Quarters reported but no annual `realisasi`: E.81 has its figure from the quarters, but the
    // LKJIP (Tabel 3.6) and `calc` print "-" until the annual value is written (or all four
    // quarters are in, from which it is combined: sumber.ts realisasiTahunan).
    const tanpaTahunan: { id: string; i: number }[] = [];
    dt.program.node.forEach((n, i) => {
      for (const v of n.indikator ?? []) {
        const tw = v.realisasi_triwulan ?? [];
        if ((v.realisasi !== null && v.realisasi !== undefined) || v.keterangan) continue;
        if (tw.every((x) => x === null)) tanpaRealisasi.push({ id: v.id, i });
        else if (tw.length < 4 || tw.some((x) => x === null || x === undefined)) tanpaTahunan.push({ id: v.id, i });
      }
    });
    if (tanpaTahunan.length > 0) {
      const daftar = tanpaTahunan.slice(0, 6).map((t) => t.id).join(', ') + (tanpaTahunan.length > 6 ? ` dan ${tanpaTahunan.length - 6} lainnya` : '');
      out.push({
        file: f.file,
        ...baris(loaded, f, `/node/${tanpaTahunan[0]?.i}`),
        pesan:
          `realisasi tahunan belum diisi: ${tanpaTahunan.length} indikator program/kegiatan/sub kegiatan baru berisi sebagian realisasi_triwulan (${daftar}); ` +
          'Tabel E.81 memakai triwulannya, tetapi LKJIP (Tabel 3.6) dan `lkjip calc` mencetak "-" sampai `realisasi` diisi atau keempat triwulan terisi',
      });
    }
    if (tanpaRealisasi.length > 0) {
      out.push({
        file: f.file,
        ...baris(loaded, f, `/node/${tanpaRealisasi[0]?.i}`),
        pesan: `realisasi belum diisi: ${tanpaRealisasi.length} indikator program/kegiatan/sub kegiatan`,
      });
    }
  }
  return urut(out);
}

const urut = (xs: BelumDiisi[]): BelumDiisi[] => xs.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

/** The list printed after init and baru: file:line, what to fill in. */
export function formatBelumDiisi(semua: readonly BelumDiisi[]): string {
  if (semua.length === 0) return 'Tidak ada isian yang tertinggal.\n';
  // The same TODO on many lines of a file (one per indicator) is one line of the list.
  const butir: BelumDiisi[] = [];
  const grup = new Map<string, { b: BelumDiisi; baris: number[] }>();
  for (const b of semua) {
    const kunci = `${b.file}\u0000${b.pesan}`;
    const g = grup.get(kunci);
    if (g && b.line) g.baris.push(b.line);
    else {
      const baru = { b: { ...b }, baris: b.line ? [b.line] : [] };
      grup.set(kunci, baru);
      butir.push(baru.b);
    }
  }
  for (const { b, baris } of grup.values()) {
    if (baris.length > 1) b.pesan += ` (${baris.length} baris: ${baris.slice(0, 8).join(', ')}${baris.length > 8 ? ', …' : ''})`;
  }
  const lokasi = butir.map((b) => (b.line ? `${b.file}:${b.line}` : b.file));
  const lebar = Math.min(48, Math.max(...lokasi.map((l) => l.length)));
  const barisTeks = butir.map((b, i) => `  ${(lokasi[i] as string).padEnd(lebar)}  ${b.pesan}`);
  return `Belum diisi (${semua.length}); isi nilainya, lalu hapus tanda TODO:\n${barisTeks.join('\n')}\n`;
}
