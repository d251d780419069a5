/**
 * What a build does, decided before anything is rendered: which years (every year that builds,
 * the broken ones to name them, not the history years), which documents in which formats, and how
 * the (year, document) jobs are split into CI shards.
 */
import type { Loaded } from '../load/index.js';
import { kelasTahun, type KelasTahun } from '../validate/index.js';
import { DOKUMEN, formatDidukung, type DefinisiDokumen, type Format, type JenisDokumen } from './dokumen.js';

/** 1-based: `--shard 2/3` is { ke: 2, dari: 3 }. */
export interface Shard {
  ke: number;
  dari: number;
}

/** One unit of work: one document of one year, rendered, printed, then written with its year's set. */
export interface Pekerjaan {
  tahun: number;
  dokumen: DefinisiDokumen;
  format: Format[];
}

/**
 * Documents Chromium prints at the same time when `--jobs` is not given, for one year as for
 * `--all`. Two: the two documents of a year print side by side on the two cores of the CI machine
 * while Node renders ahead (measured with npm run bench: `build 2024` 3.3 s with two, 5.0 s with one
 * at a time; test/bench/scale.ts for --all). Any number gives the same bytes.
 */
export const JOBS_BAWAAN = 2;

/**
 * What to produce: the documents asked for, each with the asked formats it supports. With
 * `triwulan` only the quarterly documents, without it only the yearly ones.
 */
export function rencanaBuild(opts: {
  only?: JenisDokumen | undefined;
  format: readonly Format[];
  triwulan?: number | undefined;
}): { dokumen: DefinisiDokumen; format: Format[] }[] {
  return DOKUMEN.filter((d) => (opts.triwulan !== undefined) === (d.triwulanan === true))
    .filter((d) => !opts.only || d.id === opts.only)
    .map((d) => ({ dokumen: d, format: opts.format.filter((f) => formatDidukung(d).includes(f)) }))
    .filter((r) => r.format.length > 0);
}

/**
 * Every (year, document) job in a fixed order (year, then the registry's document order), and the
 * part of it one shard takes: job k (0-based) goes to shard k mod n + 1. Round robin rather than
 * contiguous ranges, so each shard gets a mix of years and documents and the shards take about
 * the same time; the same inputs always give the same split.
 */
export function daftarPekerjaan(
  tahun: readonly number[],
  opts: { only?: JenisDokumen | undefined; format: readonly Format[]; shard?: Shard | undefined; triwulan?: number | undefined },
): Pekerjaan[] {
  const rencana = rencanaBuild(opts);
  const semua = [...tahun].sort((a, b) => a - b).flatMap((t) => rencana.map((r) => ({ tahun: t, ...r })));
  const s = opts.shard;
  return s ? semua.filter((_, k) => k % s.dari === s.ke - 1) : semua;
}

export interface PilihanTahun {
  /** Years to build: complete ones, and broken ones (their build fails and names what is wrong). */
  dibangun: number[];
  /** History-only years, skipped (see KelasTahun). */
  riwayat: number[];
  kelas: Map<number, KelasTahun>;
}

/** `build --all`: every year folder of the data, sorted into complete, broken and history. */
export function pilihTahun(loaded: Loaded): PilihanTahun {
  const kelas = new Map(loaded.years.map((y) => [y, kelasTahun(loaded, y)] as const));
  return {
    dibangun: loaded.years.filter((y) => kelas.get(y)?.jenis !== 'riwayat'),
    riwayat: loaded.years.filter((y) => kelas.get(y)?.jenis === 'riwayat'),
    kelas,
  };
}
