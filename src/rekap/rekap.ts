/**
 * `lkjip rekap`: Bappeda's roll-up of many agencies' Renja evaluations (Tabel E.81) of one year,
 * up to a quarter or for the whole year. This stage only finds and checks the agencies and
 * computes each one's E.81 with the same calculator as `lkjip build`; the workbook is modelled in
 * src/render/workbook-rekap.ts and written by src/export/xlsx.ts.
 *
 * Which agencies: every `--data` folder that holds an `opd.yaml` is one agency; a folder that does
 * not is read as a folder of agency folders (each subfolder with an `opd.yaml`, in name order).
 * The same folder named twice (or through a symlink) counts once.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { hitungEvaluasiTriwulan, hitungTahun, type HasilE81, type OpsiEvaluasi } from '../calc/index.js';
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import { loadData, tampilanPath, type Loaded } from '../load/index.js';
import { buatKonteksDokumen, type KonteksDokumen } from '../render/konteks.js';
import { validate } from '../validate/index.js';

export interface AgensiRekap {
  /** The agency's data folder as given (relative to the working directory when it is inside it). */
  folder: string;
  /** opd.yaml `nama_lengkap` (the folder name while it cannot be read). */
  nama: string;
  ok: boolean;
  /** What stops it from the roll-up (errors) and what the officer should know (warnings). */
  diagnostik: Diagnostic[];
  /** The agency's sources for code frames. */
  loaded: Loaded;
  /** The document context with the (quarterly) E.81 in `h.renja.e81`; only when ok. */
  ctx?: KonteksDokumen;
}

/** Folders given that are neither an agency nor hold any: reported as a usage error. */
export class FolderBukanOpd extends Error {
  constructor(readonly folder: string) {
    super(`folder ${folder} bukan folder data perangkat daerah (tidak ada opd.yaml) dan tidak berisi folder seperti itu`);
  }
}

const adaOpd = (dir: string): boolean => {
  try {
    return statSync(path.join(dir, 'opd.yaml')).isFile();
  } catch {
    return false;
  }
};

/** The agency folders `--data` names, expanded and deduplicated, in a stable order. */
export function cariFolderOpd(folder: readonly string[], cwd: string): string[] {
  const hasil: string[] = [];
  const sudah = new Set<string>();
  const tambah = (abs: string): void => {
    let nyata = abs;
    try {
      nyata = realpathSync(abs);
    } catch {
      // reported when loading
    }
    if (sudah.has(nyata)) return;
    sudah.add(nyata);
    hasil.push(abs);
  };
  for (const f of folder) {
    const abs = path.resolve(cwd, f);
    if (adaOpd(abs)) {
      tambah(abs);
      continue;
    }
    let anak: string[] = [];
    try {
      anak = readdirSync(abs, { withFileTypes: true })
        .filter((d) => d.isDirectory() || d.isSymbolicLink())
        .map((d) => path.join(abs, d.name))
        .filter(adaOpd)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch {
      anak = [];
    }
    if (anak.length === 0) throw new FolderBukanOpd(f);
    anak.forEach(tambah);
  }
  return hasil;
}

/**
 * Loads, validates and computes one agency. An agency whose data has errors, or whose year has no
 * program.yaml (nothing to evaluate), is not ok and says why.
 */
export async function siapkanAgensi(folder: string, tahun: number, triwulan: OpsiEvaluasi['sampai'] | undefined, cwd: string): Promise<AgensiRekap> {
  const loaded = await loadData(folder);
  const tampil = path.relative(cwd, folder) || '.';
  const tampilan = tampil.startsWith('..') ? tampilanPath(folder) : tampil.split(path.sep).join('/');
  const nama = loaded.data.opd?.nama_lengkap ?? path.basename(folder);
  const diagnostik = validate(loaded, tahun).filter((d) => d.severity !== 'info');
  const gagal = (d: Diagnostic[]): AgensiRekap => ({ folder: tampilan, nama, ok: false, diagnostik: d, loaded });
  if (diagnostik.some((d) => d.severity === 'error') || !loaded.dataSet) return gagal(diagnostik);
  const data = loaded.dataSet;
  if (!data.tahun.get(tahun)?.program) {
    return gagal([...diagnostik, diagnosa('LKJ801', { tahun }, { file: `${tampilan}/${tahun}` })]);
  }
  const hasil = hitungTahun(data, tahun);
  let e81: HasilE81 | null = hasil.renja.e81;
  const peringatan: Diagnostic[] = [];
  if (triwulan !== undefined) {
    const ev = hitungEvaluasiTriwulan(data, tahun, triwulan);
    e81 = ev.e81;
    peringatan.push(...ev.peringatan.filter((d) => d.severity !== 'info'));
  } else {
    // Evaluated up to renja.yaml triwulan_evaluasi: its empty quarters, as validate and build say them.
    peringatan.push(...hasil.peringatan.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI'));
  }
  const ctx = buatKonteksDokumen(data, tahun, { ...hasil, renja: { ...hasil.renja, e81 } }, tampilan);
  return { folder: tampilan, nama, ok: true, diagnostik: [...diagnostik, ...peringatan.map((d) => ({ ...d, file: d.file ?? `${tampilan}/${tahun}/program.yaml` }))], loaded, ctx };
}

export interface OpsiBuatRekap {
  tahun: number;
  triwulan?: OpsiEvaluasi['sampai'];
  /** Agencies' data folders (or folders of them), as given on the command line. */
  data: readonly string[];
  cwd: string;
  /** Go on without the agencies whose data has errors (otherwise nothing is produced). */
  lanjut: boolean;
  /** Workbook time stamps (SOURCE_DATE_EPOCH or a fixed date of the period). */
  tanggal: Date;
  /** Called as each agency is checked, for progress lines. */
  onAgensi?: (a: AgensiRekap, ke: number, dari: number) => void;
}

export interface HasilRekapWorkbook {
  agensi: AgensiRekap[];
  /** The agencies in the workbook (all, or the ok ones with `lanjut`). */
  dipakai: AgensiRekap[];
  /** null when nothing is to be written (a broken agency without `lanjut`, none ok, or quarters that differ). */
  xlsx: Uint8Array | null;
  /** Set when, without `--triwulan`, the agencies' renja.yaml evaluate different quarters: nothing is summed. */
  triwulanBerbeda?: Diagnostic;
  /** The quarter the roll-up is evaluated up to: `--triwulan`, else the agencies' common triwulan_evaluasi. */
  triwulan?: OpsiEvaluasi['sampai'];
}

/** The quarter an agency's E.81 is evaluated up to (its renja.yaml triwulan_evaluasi); null without one. */
const triwulanAgensi = (a: AgensiRekap): number | null => a.ctx?.h.renja.e81?.triwulan_evaluasi ?? null;

/**
 * Without `--triwulan` every agency is evaluated up to its own renja.yaml quarter; summing TW III
 * of one with TW II of another in one JUMLAH row would mislead, so differing quarters stop the roll-up.
 */
function periksaTriwulanSama(dipakai: readonly AgensiRekap[], tahun: number): { triwulan?: OpsiEvaluasi['sampai']; berbeda?: Diagnostic } {
  const tw = new Set(dipakai.map(triwulanAgensi));
  if (tw.size > 1) {
    const daftar = dipakai.map((a) => {
      const t = triwulanAgensi(a);
      return `${a.nama} (${a.folder}): ${t === null ? 'tanpa triwulan_evaluasi (tidak ada renja.yaml), semua triwulan yang terisi' : `triwulan ${['I', 'II', 'III', 'IV'][t - 1]}`}`;
    });
    return { berbeda: diagnosa('LKJ802', { tahun, daftar }) };
  }
  const satu = [...tw][0];
  return satu === null || satu === undefined || satu < 1 || satu > 4 ? {} : { triwulan: satu as OpsiEvaluasi['sampai'] };
}

/**
 * Checks every agency first; builds the workbook only when all are fine, or with `lanjut` from the
 * fine ones (at least one). Writes nothing itself: the caller writes the bytes atomically.
 */
export async function buatRekap(opsi: OpsiBuatRekap): Promise<HasilRekapWorkbook> {
  const folder = cariFolderOpd(opsi.data, opsi.cwd);
  const agensi: AgensiRekap[] = [];
  for (const [i, f] of folder.entries()) {
    const a = await siapkanAgensi(f, opsi.tahun, opsi.triwulan, opsi.cwd);
    agensi.push(a);
    opsi.onAgensi?.(a, i + 1, folder.length);
  }
  const dipakai = agensi.filter((a) => a.ok);
  if (dipakai.length === 0 || (dipakai.length < agensi.length && !opsi.lanjut)) return { agensi, dipakai, xlsx: null };
  let triwulan = opsi.triwulan;
  if (triwulan === undefined) {
    const sama = periksaTriwulanSama(dipakai, opsi.tahun);
    if (sama.berbeda) return { agensi, dipakai, xlsx: null, triwulanBerbeda: sama.berbeda };
    triwulan = sama.triwulan;
  }
  const [{ lembarRekap }, { tulisWorkbook }] = await Promise.all([import('../render/workbook-rekap.js'), import('../export/xlsx.js')]);
  const lembar = lembarRekap(
    dipakai.map((a) => a.ctx as KonteksDokumen),
    { tahun: opsi.tahun, ...(triwulan ? { triwulan } : {}) },
  );
  const judul = `Rekapitulasi Evaluasi Renja Perangkat Daerah Tahun ${opsi.tahun}${triwulan ? ` Triwulan ${triwulan}` : ''}`;
  return { agensi, dipakai, xlsx: await tulisWorkbook(lembar, { tanggal: opsi.tanggal }, judul), ...(triwulan ? { triwulan } : {}) };
}

/** The period's own date for reproducible time stamps: the last day of the quarter (or of the year). */
export function tanggalPeriode(tahun: number, triwulan?: number): Date {
  const bulan = (triwulan ?? 4) * 3; // month after the period's last, 1-based = next month's index
  return new Date(Date.UTC(tahun, bulan, 0));
}
