/**
 * Everything `build` would say about the data of a year, at once, for `validate`, `calc`, `build`,
 * `init` and `baru` alike: the files (schemas, cross-file and semantic rules), the narrative files
 * against the documents' sections, every narrative reference (unknown names, values the data
 * lacks), the calculator's findings (zero targets, implausible capaian) and what is still to fill
 * in. Each stage runs only when the one before found no error, so one mistake does not become a
 * cascade; every finding names file:line:column.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { skemaUsang } from '../scaffold/skema.js';
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import { fileOf, tampilanPath, type Loaded, type LoadedFile } from '../load/load-data.js';
import type { KonteksDokumen } from '../render/konteks.js';
import type { DataSet, Indikator } from '../model/types.js';
import { belumDiisi } from './belum-diisi.js';
import { validate } from './index.js';
import { statusTahun, type StatusTahun } from './status.js';
import { terdekat } from '../util/mirip.js';

export interface HasilPeriksa {
  loaded: Loaded;
  diagnostics: Diagnostic[];
  /** No error: the year can be calculated (and built, when `status.bisaDibangun`). */
  ok: boolean;
  /** Whether the year has everything a build needs; undefined when the year folder does not exist. */
  status?: StatusTahun;
  /** The document context the checks computed (build renders from it instead of computing again). */
  ctx?: KonteksDokumen;
}

const adaKesalahan = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Default plausibility bound of a capaian, percent (opd.yaml `pengaturan.batas_capaian_wajar`). */
export const BATAS_CAPAIAN_WAJAR = 300;

/** Narrative files of a year as diagnostics name them, with their texts. */
export function berkasNarasi(loaded: Loaded, tahun: number): { dokumen: string; nama: string; file: string; text: string }[] {
  const narasi = loaded.data.tahun.get(tahun)?.narasi ?? {};
  return Object.entries(narasi).flatMap(([dokumen, isi]) =>
    Object.entries(isi).map(([nama, text]) => ({ dokumen, nama, file: fileNarasi(loaded, tahun, dokumen, nama), text })),
  );
}

function fileNarasi(loaded: Loaded, tahun: number, dokumen: string, nama: string): string {
  return tampilanPath(path.resolve(loaded.dir, String(tahun), 'narasi', dokumen, `${nama}.md`));
}

/**
 * Checks one year of a loaded data folder (and the files it depends on: the base files and the
 * years before it). Narrative texts join `loaded.sources` so their diagnostics get code frames.
 */
export async function periksaTahun(loaded: Loaded, tahun: number): Promise<HasilPeriksa> {
  const diagnostics = validate(loaded, tahun);
  const status = loaded.years.includes(tahun) ? statusTahun(loaded, tahun) : undefined;
  const hasil = (ctx?: KonteksDokumen): HasilPeriksa => ({
    loaded,
    diagnostics,
    ok: !adaKesalahan(diagnostics),
    ...(status ? { status } : {}),
    ...(ctx ? { ctx } : {}),
  });
  diagnostics.push(...periksaBarisSkema(loaded, tahun));
  const ds = loaded.dataSet;
  if (adaKesalahan(diagnostics) || !ds || !status) return hasil();

  const berkas = berkasNarasi(loaded, tahun);
  for (const b of berkas) loaded.sources.set(b.file, b.text);
  diagnostics.push(...(await periksaBagian(loaded, tahun)));
  if (berkas.length > 0) {
    const { checkNarasi } = await import('../render/narasi.js');
    diagnostics.push(...checkNarasi(berkas, ds, tahun));
  }
  diagnostics.push(...belumDiisi(loaded, tahun).filter((b) => b.diBerkas !== false).map((b) => diagnosa('LKJ333', { apa: b.pesan }, b)));
  if (adaKesalahan(diagnostics)) return hasil();

  // The year's figures, as the documents will print them.
  const { buatKonteksDokumen } = await import('../render/konteks.js');
  const ctx = buatKonteksDokumen(ds, tahun, undefined, tampilanPath(path.resolve(loaded.dir)));
  if (berkas.length > 0) {
    const { periksaNilaiNarasi } = await import('../render/narasi.js');
    const sudah = new Set(diagnostics.filter((d) => d.code === 'LKJ312').map((d) => `${d.file}:${d.line}:${d.column}`));
    diagnostics.push(...periksaNilaiNarasi(berkas, ctx).filter((d) => !sudah.has(`${d.file}:${d.line}:${d.column}`)));
  }
  diagnostics.push(...(await periksaHitungan(loaded, ds, ctx)));
  // Quarters up to renja.yaml triwulan_evaluasi still empty: E.81 prints "-" there (the calculator
  // words it as `build --triwulan n` does, so a build of both says it once).
  diagnostics.push(
    ...ctx.h.peringatan.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI').map((d) => ({ ...d, file: d.file ?? ctx.berkasTahun('program.yaml') })),
  );
  return hasil(ctx);
}

// ---------------------------------------------------------------------------------------------
// Editor support: the `$schema` lines and the schema copy

const POLA_BARIS_SKEMA = /^# yaml-language-server: \$schema=(\S+)/;

/**
 * Each file's `$schema` line must reach a file from where the file is (a data folder copied
 * elsewhere loses a line like `../../schemas/...`), and a schema copy in `<data>/skema/` should be
 * the tool's current schemas. Only for the files in scope; remote schemas are not checked.
 */
function periksaBarisSkema(loaded: Loaded, tahun: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const akar = path.resolve(loaded.dir);
  for (const f of loaded.files.values()) {
    if (f.tahun !== undefined && f.tahun > tahun) continue;
    const m = POLA_BARIS_SKEMA.exec(f.text.slice(0, 300));
    const target = m?.[1];
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    if (!existsSync(path.resolve(akar, path.dirname(f.relatif), target))) {
      out.push(diagnosa('LKJ404', { target }, { file: f.file, line: 1, column: (m?.index ?? 0) + m![0].length - target.length + 1, found: target }));
    }
  }
  const usang = skemaUsang(akar);
  if (usang && usang.length > 0) out.push(diagnosa('LKJ403', { folder: `${tampilanPath(path.join(akar, 'skema'))}/`, berkas: usang }, { file: `${tampilanPath(path.join(akar, 'skema'))}/` }));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Narrative sections

/**
 * The narrative files of a year against the sections of each document (templates): a file no
 * section reads is an error (its text would be lost), a section without its file a warning (it
 * prints empty, or only its tables), and a section with two sources of text says which one wins.
 * A document without any narrative file is a year kept as history (LKJ401), not checked here.
 */
async function periksaBagian(loaded: Loaded, tahun: number): Promise<Diagnostic[]> {
  const { daftarBagian, judulData, SUMBER_LAIN, DOKUMEN_BAGIAN } = await import('../render/bagian.js');
  const out: Diagnostic[] = [];
  const narasi = loaded.data.tahun.get(tahun)?.narasi ?? {};
  for (const dokumen of DOKUMEN_BAGIAN) {
    const ada = narasi[dokumen] ?? {};
    if (Object.keys(ada).length === 0) continue;
    const renja = loaded.data.tahun.get(tahun)?.renja;
    const bagian = daftarBagian(dokumen, judulData(dokumen, { perubahan: renja?.perubahan === true, triwulan: renja?.triwulan_evaluasi ?? null }));
    const dikenal = new Set(bagian.map((b) => b.berkas));
    const namaBerkas = bagian.map((b) => `${b.berkas}.md`);
    for (const nama of Object.keys(ada).sort()) {
      if (dikenal.has(nama)) continue;
      const mirip = terdekat(`${nama}.md`, namaBerkas, { batas: (n) => Math.max(2, Math.floor(n.length / 3)) });
      out.push(
        diagnosa(
          'LKJ331',
          { berkas: `${nama}.md`, dikenal: namaBerkas.join(', '), ...(mirip ? { mirip } : {}) },
          { file: fileNarasi(loaded, tahun, dokumen, nama), line: 1, column: 1, found: `${nama}.md`, ...(mirip ? { expected: mirip } : {}) },
        ),
      );
    }
    const yaml = (berkas: string): LoadedFile | undefined =>
      [...loaded.files.values()].find((f) => f.tahun === tahun && path.basename(f.relatif) === berkas);
    for (const b of bagian) {
      const lain = SUMBER_LAIN[dokumen][b.berkas];
      const f = lain ? yaml(lain.berkas) : undefined;
      const adaLain = !!(lain && f && f.ok && typeof f.value === 'object' && f.value !== null && (f.value as Record<string, unknown>)[lain.kunci] != null);
      const file = fileNarasi(loaded, tahun, dokumen, b.berkas);
      if (ada[b.berkas] !== undefined) {
        if (adaLain && lain && f) {
          const pos = loaded.positionOf(f.file, `/${lain.kunci}`, { kunci: true });
          out.push(diagnosa('LKJ332', { narasi: `narasi/${dokumen}/${b.berkas}.md`, data: `${lain.kunci}`, berkasData: lain.berkas, judul: b.judul }, { file: f.file, ...pos }));
        }
        continue;
      }
      if (adaLain) continue;
      const isi = b.tabel.length + b.grafik.length > 0 ? `hanya berisi ${[...b.tabel.map((t) => `tabel ${t}`), ...b.grafik.map((g) => `grafik ${g}`)].join(', ')}` : 'tercetak kosong (hanya judulnya)';
      out.push(diagnosa('LKJ330', { berkas: `narasi/${dokumen}/${b.berkas}.md`, judul: `${dokumen.toUpperCase()}: ${b.judul}`, isi }, { file }));
    }
  }
  // The quarterly evaluations' texts (all optional): only a misnamed file is a problem.
  const evaluasi = Object.keys(narasi['evaluasi'] ?? {});
  if (evaluasi.length > 0) {
    const { semuaBerkasEvaluasi } = await import('../render/bagian-evaluasi.js');
    const dikenal = semuaBerkasEvaluasi();
    const namaBerkas = dikenal.map((b) => `${b}.md`);
    for (const nama of evaluasi.sort()) {
      if (dikenal.includes(nama)) continue;
      const mirip = terdekat(`${nama}.md`, namaBerkas, { batas: (n) => Math.max(2, Math.floor(n.length / 3)) });
      out.push(
        diagnosa(
          'LKJ331',
          { berkas: `${nama}.md`, dikenal: 'tw<n>-pendahuluan.md, tw<n>-hasil.md, tw<n>-faktor-pendorong.md, tw<n>-faktor-penghambat.md, tw<n>-tindak-lanjut-triwulan.md, tw<n>-tindak-lanjut-renja.md (n = 1-4)', ...(mirip ? { mirip } : {}) },
          { file: fileNarasi(loaded, tahun, 'evaluasi', nama), line: 1, column: 1, found: `${nama}.md`, ...(mirip ? { expected: mirip } : {}) },
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Findings of the calculator

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

type Letak = { file?: string; line?: number; column?: number };

/**
 * Where the values of indicators are written in a year's files and in renstra/, each list indexed
 * once: one data set may hold thousands of indicators and as many findings to locate.
 */
class LetakIndikator {
  private nilai?: Map<string, { f: LoadedFile; path: string }>;
  private pk = new Map<string, Map<string, number>>();
  private definisi?: Map<string, { f: LoadedFile; i: number }>;

  constructor(
    private readonly loaded: Loaded,
    private readonly tahun: number,
  ) {}

  /** kinerja.yaml, else the program.yaml node holding the indicator. */
  nilaiDi(id: string, kolom: string): Letak {
    if (!this.nilai) {
      this.nilai = new Map();
      const p = fileOf(this.loaded, 'program-tahun', this.tahun);
      if (p && isObj(p.value)) {
        arr(p.value.node).forEach((n, i) => {
          if (isObj(n)) arr(n.indikator).forEach((v, j) => isObj(v) && typeof v.id === 'string' && !this.nilai!.has(v.id) && this.nilai!.set(v.id, { f: p, path: `/node/${i}/indikator/${j}` }));
        });
      }
      const k = fileOf(this.loaded, 'kinerja', this.tahun);
      if (k && isObj(k.value)) {
        // kinerja.yaml first: it wins over a program node naming the same indicator.
        arr(k.value.indikator).forEach((v, i) => isObj(v) && typeof v.id === 'string' && this.nilai!.set(v.id, { f: k, path: `/indikator/${i}` }));
      }
    }
    const x = this.nilai.get(id);
    return x ? { file: x.f.file, ...x.f.posisi(`${x.path}/${kolom}`) } : {};
  }

  /** Where the target the calculator used was written (targetTahun's `sumber`). */
  targetDi(id: string, sumber: string | null): Letak {
    if (sumber === 'kinerja' || sumber === 'program') return this.nilaiDi(id, 'target');
    if (sumber === 'pk_papbd' || sumber === 'pk_apbd') {
      const f = fileOf(this.loaded, 'pk', this.tahun);
      const versi = sumber === 'pk_papbd' ? 'papbd' : 'apbd';
      let m = this.pk.get(versi);
      if (!m) {
        m = new Map();
        const v = f && isObj(f.value) ? f.value[versi] : undefined;
        if (isObj(v)) arr(v.target).forEach((t, i) => isObj(t) && typeof t.indikator === 'string' && !m!.has(t.indikator) && m!.set(t.indikator, i));
        this.pk.set(versi, m);
      }
      const i = m.get(id);
      if (f && i !== undefined) return { file: f.file, ...f.posisi(`/${versi}/target/${i}/target`) };
    }
    if (sumber === 'renstra') return this.definisiDi(id, `target/${this.tahun}`);
    return {};
  }

  /** An indicator's definition in renstra/ (strategis first), at `kolom`. */
  definisiDi(id: string, kolom: string): Letak {
    if (!this.definisi) {
      this.definisi = new Map();
      for (const f of [fileOf(this.loaded, 'strategis'), fileOf(this.loaded, 'renstra-program')]) {
        if (f && isObj(f.value)) arr(f.value.indikator).forEach((v, i) => isObj(v) && typeof v.id === 'string' && !this.definisi!.has(v.id) && this.definisi!.set(v.id, { f, i }));
      }
    }
    const x = this.definisi.get(id);
    return x ? { file: x.f.file, ...x.f.posisi(`/indikator/${x.i}/${kolom}`) } : {};
  }
}

const fmt = async (n: number, d: number): Promise<string> => (await import('../util/format.js')).formatAngka(n, d);

/**
 * From the year's computed figures: targets of 0 (their capaian prints "-"), and capaian above the
 * plausibility bound (most often a unit mismatch between target and realisation).
 */
async function periksaHitungan(loaded: Loaded, ds: DataSet, ctx: KonteksDokumen): Promise<Diagnostic[]> {
  const { buatKonteks, targetTahun } = await import('../calc/sumber.js');
  const out: Diagnostic[] = [];
  const tahun = ctx.tahun;
  const kc = buatKonteks(ds);
  const letak = new LetakIndikator(loaded, tahun);
  const dipakai = new Map<string, Indikator>();
  for (const ind of ds.strategis.indikator ?? []) if (ind.jenis !== 'program' && ind.jenis !== 'kegiatan' && ind.jenis !== 'sub_kegiatan') dipakai.set(ind.id, ind);
  // Indicators of the program tree the year's Renja lists: active nodes, and inactive ones the year still reports.
  const nodeTahun = new Set((ctx.d.program?.node ?? []).map((n) => n.kode));
  for (const p of ds.program.program ?? []) {
    for (const n of [p, ...(p.kegiatan ?? []), ...(p.kegiatan ?? []).flatMap((k) => k.sub_kegiatan ?? [])]) {
      if (n.aktif === false && !nodeTahun.has(n.kode)) continue;
      for (const id of n.indikator ?? []) {
        const ind = kc.indikator.get(id);
        if (ind && !dipakai.has(id)) dipakai.set(id, ind);
      }
    }
  }
  for (const ind of dipakai.values()) {
    if (ind.rumus_capaian === 'target_per_realisasi') continue;
    const t = targetTahun(kc, ind, tahun);
    if (t.nilai !== 0) continue;
    const strategis = ind.jenis === 'tujuan' || ind.jenis === 'iku' || ind.jenis === 'kinerja_lainnya';
    const dicetak = strategis ? 'LKJIP (capaian dan kategori)' : 'Renja (Tabel E.81 kolom 13)';
    out.push(diagnosa('LKJ334', { indikator: ind.id, tahun, dicetak }, { ...letak.targetDi(ind.id, t.sumber), found: '0' }));
  }

  const batas = ds.opd.pengaturan?.batas_capaian_wajar ?? BATAS_CAPAIAN_WAJAR;
  const d = ctx.h.desimal_persen;
  const dilaporkan = new Set<string>();
  const k = ctx.h.kinerja;
  for (const b of [...k.tujuan, ...k.iku, ...k.lainnya, ...k.program]) {
    if (b.capaian === null || b.capaian <= batas || dilaporkan.has(b.id) || b.target === null || b.realisasi === null) continue;
    dilaporkan.add(b.id);
    const p = { id: b.id, tahun, capaian: await fmt(b.capaian, d), target: await fmt(b.target, 2), realisasi: await fmt(b.realisasi, 2), batas, kolom: '' };
    out.push(diagnosa('LKJ337', p, { ...letak.nilaiDi(b.id, 'realisasi'), found: p.capaian }));
  }
  for (const prog of ctx.h.renja.e81?.program ?? []) {
    for (const baris of prog.baris) {
      for (const x of baris.indikator) {
        if (dilaporkan.has(x.indikator)) continue;
        const kolom = x.k13 !== null && x.k13 > batas ? 13 : x.k15 !== null && x.k15 > batas ? 15 : undefined;
        if (kolom === undefined) continue;
        dilaporkan.add(x.indikator);
        const [capaian, target, realisasi] = kolom === 13 ? [x.k13, x.k7, x.k12] : [x.k15, x.k5, x.k14];
        const p = {
          id: x.indikator,
          tahun,
          capaian: await fmt(capaian ?? 0, d),
          target: await fmt(target ?? 0, 2),
          realisasi: await fmt(realisasi ?? 0, 2),
          batas,
          kolom: `(Tabel E.81 kolom ${kolom}${kolom === 15 ? ', terhadap target akhir Renstra' : ''}) `,
        };
        const lok = kolom === 13 ? letak.nilaiDi(x.indikator, 'realisasi_triwulan') : letak.definisiDi(x.indikator, 'target_akhir');
        out.push(diagnosa('LKJ337', p, { ...lok, found: p.capaian }));
      }
    }
  }
  return out;
}
