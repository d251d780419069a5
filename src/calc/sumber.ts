/**
 * Looking up base values across the data set: which target applies, what was realised in a year
 * and up to a year. Shared by the LKJIP (kinerja) and Renja (E.81, TC-29) calculations.
 */
import type {
  DataSet,
  DataTahun,
  Indikator,
  NilaiIndikator,
  NodeTahun,
  PkVersi,
  Triwulan,
} from '../model/types.js';
import { jumlahkan, kurangi } from './angka.js';
import { hitungLra, indeksPohon, type InfoNode } from './anggaran.js';
import type { Diagnostic, HasilLra, Nilai, SumberTarget } from './types.js';

/** What every calculation of one build shares: the data, indexes, caches and the diagnostics. */
export interface Konteks {
  data: DataSet;
  indikator: Map<string, Indikator>;
  pohon: Map<string, InfoNode>;
  tahunMin: number;
  peringatan: Diagnostic[];
  lra: Map<number, HasilLra | null>;
}

export function buatKonteks(data: DataSet, peringatan: Diagnostic[] = []): Konteks {
  const indikator = new Map<string, Indikator>();
  for (const ind of [...(data.strategis?.indikator ?? []), ...(data.program?.indikator ?? [])]) {
    if (!indikator.has(ind.id)) indikator.set(ind.id, ind);
  }
  const tahun = [...(data.tahun?.keys() ?? [])];
  return {
    data,
    indikator,
    pohon: indeksPohon(data.program?.program ?? []),
    // Recursions over earlier years stop here; with no year at all, at once.
    tahunMin: tahun.length > 0 ? Math.min(...tahun) : Number.POSITIVE_INFINITY,
    peringatan,
    lra: new Map(),
  };
}

export function dataTahun(ctx: Konteks, tahun: number): DataTahun | undefined {
  return ctx.data.tahun?.get(tahun);
}

/** The LRA of a year after roll-up, computed once per build. */
export function lraTahun(ctx: Konteks, tahun: number): HasilLra | null {
  if (!ctx.lra.has(tahun)) {
    const lra = dataTahun(ctx, tahun)?.lra;
    ctx.lra.set(tahun, lra ? hitungLra(lra, ctx.pohon, ctx.peringatan) : null);
  }
  return ctx.lra.get(tahun) ?? null;
}

interface IndeksTahun {
  node: Map<string, NodeTahun>;
  nilai: Map<string, { nilai: NilaiIndikator; asal: 'kinerja' | 'program' }>;
}

// Lookups by kode and id happen for every row of every table; a year's data is read-only during a
// build, so it is indexed once (a linear search per lookup made large data sets quadratic).
const indeksTahun = new WeakMap<DataTahun, IndeksTahun>();

function indeks(dt: DataTahun): IndeksTahun {
  let ix = indeksTahun.get(dt);
  if (!ix) {
    ix = { node: new Map(), nilai: new Map() };
    for (const v of dt.kinerja?.indikator ?? []) if (!ix.nilai.has(v.id)) ix.nilai.set(v.id, { nilai: v, asal: 'kinerja' });
    for (const node of dt.program?.node ?? []) {
      if (!ix.node.has(node.kode)) ix.node.set(node.kode, node);
      for (const v of node.indikator ?? []) if (!ix.nilai.has(v.id)) ix.nilai.set(v.id, { nilai: v, asal: 'program' });
    }
    indeksTahun.set(dt, ix);
  }
  return ix;
}

export function nodeTahun(dt: DataTahun | undefined, kode: string): NodeTahun | undefined {
  return dt ? indeks(dt).node.get(kode) : undefined;
}

/** An indicator's values in a year: kinerja.yaml first, then the program/kegiatan nodes. */
export function nilaiIndikator(
  dt: DataTahun | undefined,
  id: string,
): { nilai: NilaiIndikator; asal: 'kinerja' | 'program' } | undefined {
  return dt ? indeks(dt).nilai.get(id) : undefined;
}

/** Quarters combined: the sum of the reported ones (cumulative) or the latest reported one. */
export function gabungTriwulan(tw: Triwulan | undefined, kumulatif: boolean): Nilai {
  if (!tw) return null;
  if (kumulatif) return jumlahkan(tw);
  for (let i = tw.length - 1; i >= 0; i--) {
    const v = tw[i];
    if (v != null && Number.isFinite(v)) return v;
  }
  return null;
}

/**
 * Realisation of one year: the annual value, else what the quarters give once all four are
 * reported. A mid-year evaluation (quarters III-IV still null) is not a year's realisation.
 */
export function realisasiTahunan(v: NilaiIndikator | undefined, kumulatif: boolean): Nilai {
  if (!v) return null;
  if (v.realisasi !== undefined) return v.realisasi;
  const tw = v.realisasi_triwulan;
  if (!tw || tw.some((x) => x === null || x === undefined)) return null;
  return gabungTriwulan(tw, kumulatif);
}

function targetPk(versi: PkVersi | undefined, id: string): Nilai {
  const t = versi?.target?.find((x) => x.indikator === id);
  return t ? t.target : null;
}

export function targetPkTahun(ctx: Konteks, id: string, tahun: number): { apbd: Nilai; papbd: Nilai } {
  const pk = dataTahun(ctx, tahun)?.pk;
  return { apbd: targetPk(pk?.apbd, id), papbd: targetPk(pk?.papbd, id) };
}

/**
 * Target of a year: the year's own file (kinerja.yaml / program.yaml), else PK P-APBD, else PK
 * APBD, else the Renstra target of that year.
 */
export function targetTahun(
  ctx: Konteks,
  ind: Indikator,
  tahun: number,
): { nilai: Nilai; sumber: SumberTarget | null } {
  const v = nilaiIndikator(dataTahun(ctx, tahun), ind.id);
  if (v && v.nilai.target != null) return { nilai: v.nilai.target, sumber: v.asal };
  const pk = targetPkTahun(ctx, ind.id, tahun);
  if (pk.papbd != null) return { nilai: pk.papbd, sumber: 'pk_papbd' };
  if (pk.apbd != null) return { nilai: pk.apbd, sumber: 'pk_apbd' };
  const r = ind.target?.[String(tahun)];
  if (r != null) return { nilai: r, sumber: 'renstra' };
  return { nilai: null, sumber: null };
}

export function realisasiTahun(ctx: Konteks, ind: Indikator, tahun: number): Nilai {
  return realisasiTahunan(nilaiIndikator(dataTahun(ctx, tahun), ind.id)?.nilai, ind.kumulatif);
}

/** End-of-Renstra target: `target_akhir`, else the target of the Renstra's last year. */
export function targetAkhir(ctx: Konteks, ind: Indikator): Nilai {
  if (ind.target_akhir != null) return ind.target_akhir;
  const akhir = ctx.data.strategis?.periode?.akhir;
  return akhir != null ? ind.target?.[String(akhir)] ?? null : null;
}

/**
 * Realisation up to the end of `tahun`: a cumulative indicator adds the years up (or takes the
 * next year's `realisasi_sd_tahun_lalu`), a non-cumulative one takes the latest value.
 */
export function realisasiSampai(ctx: Konteks, ind: Indikator, tahun: number): Nilai {
  const berikut = nilaiIndikator(dataTahun(ctx, tahun + 1), ind.id)?.nilai.realisasi_sd_tahun_lalu;
  if (berikut != null) return berikut;
  if (ind.kumulatif) {
    // The year after next states the total up to the next year (it carries the years before the
    // data, which no sum of year files can): minus the next year's own realisation, that is the
    // total up to this year. So TC-29 col 5 + col 7 is E.81 col 6 of the same indicator.
    const lusa = nilaiIndikator(dataTahun(ctx, tahun + 2), ind.id)?.nilai.realisasi_sd_tahun_lalu;
    const tahunDepan = lusa != null ? realisasiTahun(ctx, ind, tahun + 1) : null;
    if (lusa != null && tahunDepan != null) return kurangi(lusa, tahunDepan);
  }
  if (tahun < ctx.tahunMin) return null;
  const v = nilaiIndikator(dataTahun(ctx, tahun), ind.id)?.nilai;
  const tahunIni = realisasiTahunan(v, ind.kumulatif);
  if (!ind.kumulatif) return tahunIni ?? realisasiSampai(ctx, ind, tahun - 1);
  const sebelum = v?.realisasi_sd_tahun_lalu ?? realisasiSampai(ctx, ind, tahun - 1);
  return jumlahkan([sebelum, tahunIni]);
}

/** The LRA rows of a year by kode (the first row of a kode, as `find` gave). */
const barisLraPerKode = new WeakMap<HasilLra, Map<string, HasilLra['baris'][number]>>();

/**
 * Rupiah realised by one node in a year: the LRA (final) when it lists the node, else the sum of
 * the quarters reported in program.yaml.
 */
export function realisasiRpTahun(ctx: Konteks, kode: string, tahun: number): Nilai {
  const lra = lraTahun(ctx, tahun);
  let perKode = lra ? barisLraPerKode.get(lra) : undefined;
  if (lra && !perKode) {
    perKode = new Map();
    for (const b of lra.baris) if (!perKode.has(b.kode)) perKode.set(b.kode, b);
    barisLraPerKode.set(lra, perKode);
  }
  const baris = perKode?.get(kode);
  if (baris) return baris.realisasi;
  return jumlahkan(nodeTahun(dataTahun(ctx, tahun), kode)?.realisasi_rp_triwulan ?? []);
}

/** Rupiah realised by one node from the start of the data up to the end of `tahun`. */
export function realisasiRpSampai(ctx: Konteks, kode: string, tahun: number): Nilai {
  const berikut = nodeTahun(dataTahun(ctx, tahun + 1), kode)?.realisasi_rp_sd_tahun_lalu;
  if (berikut != null) return berikut;
  if (tahun < ctx.tahunMin) return null;
  const dt = dataTahun(ctx, tahun);
  const tahunIni = dt ? realisasiRpTahun(ctx, kode, tahun) : null;
  const sebelum = nodeTahun(dt, kode)?.realisasi_rp_sd_tahun_lalu ?? realisasiRpSampai(ctx, kode, tahun - 1);
  return jumlahkan([sebelum, tahunIni]);
}
