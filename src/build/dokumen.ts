/**
 * The documents `lkjip build` can produce and how: one entry per document, each naming its HTML
 * renderer (for HTML and PDF) and its workbook builder (for XLSX). Adding a document or a format is
 * one entry here; the build stage (src/build/) turns each (year, document) into a job of steps
 * render -> print -> write and only iterates over this list.
 */
import type { Loaded } from '../load/index.js';
import type { KonteksDokumen } from '../render/konteks.js';
import type { HtmlDokumen } from '../render/lkjip.js';

export type Format = 'pdf' | 'html' | 'xlsx';
export type JenisDokumen = 'lkjip' | 'renja' | 'evaluasi';
export type Triwulan = 1 | 2 | 3 | 4;

/** What a build asks of a document beyond its year: the quarter of a quarterly evaluation. */
export interface ParameterDokumen {
  triwulan?: Triwulan | undefined;
}

export interface DefinisiDokumen {
  id: JenisDokumen;
  /** Name in progress lines: "LKJIP", "Renja". */
  label: string;
  /**
   * A quarterly document: built only with `--triwulan n` (and then alone); the yearly documents
   * are built only without it.
   */
  triwulanan?: true;
  /** File name without extension; default `<id>-<tahun>`. Must start with `<id>-`. */
  berkas?(tahun: number, p: ParameterDokumen): string;
  /**
   * What the year lacks for this document (file names relative to the year folder); default: the
   * yearly documents' requirement (statusTahun).
   */
  kurang?(loaded: Loaded, tahun: number): string[];
  /** PDF subject line. */
  subjek(tahun: number, ctx: KonteksDokumen, p: ParameterDokumen): string;
  /** The document's own date in the data (for the PDF/XLSX time stamps when SOURCE_DATE_EPOCH is unset). */
  tanggal(ctx: KonteksDokumen, p: ParameterDokumen): string | undefined;
  html?: (ctx: KonteksDokumen, p: ParameterDokumen) => Promise<HtmlDokumen>;
  xlsx?: (ctx: KonteksDokumen, opsi: { tanggal: Date }, p: ParameterDokumen) => Promise<Uint8Array>;
}

const triwulanDari = (p: ParameterDokumen): Triwulan => {
  if (p.triwulan === undefined) throw new Error('dokumen triwulanan tanpa triwulan');
  return p.triwulan;
};

export const DOKUMEN: readonly DefinisiDokumen[] = [
  {
    id: 'lkjip',
    label: 'LKJIP',
    subjek: (tahun) => `Laporan Kinerja Instansi Pemerintah Tahun ${tahun}`,
    tanggal: (ctx) => ctx.d.lkjip?.dokumen?.tanggal,
    html: async (ctx) => (await import('../render/lkjip.js')).renderLkjip(ctx),
    xlsx: async (ctx, opsi) => (await import('../export/xlsx.js')).buatWorkbookLkjip(ctx, opsi),
  },
  {
    id: 'renja',
    label: 'Renja',
    subjek: (tahun, ctx) => `${ctx.d.renja?.perubahan ? 'Perubahan ' : ''}Rencana Kerja Perangkat Daerah Tahun ${tahun}`,
    tanggal: (ctx) => ctx.d.renja?.dokumen?.tanggal,
    html: async (ctx) => (await import('../render/renja.js')).renderRenja(ctx),
    xlsx: async (ctx, opsi) => (await import('../export/xlsx.js')).buatWorkbookRenja(ctx, opsi),
  },
  {
    id: 'evaluasi',
    label: 'Evaluasi Renja',
    triwulanan: true,
    berkas: (tahun, p) => `evaluasi-renja-${tahun}-tw${triwulanDari(p)}`,
    // Only what E.81 is computed from: the year's program.yaml (opd.yaml and the Renstra are always checked).
    kurang: (loaded, tahun) =>
      [...loaded.files.values()].some((f) => f.tahun === tahun && f.jenis === 'program-tahun' && f.ok) ? [] : ['program.yaml'],
    subjek: (tahun, _ctx, p) => `Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah Tahun ${tahun} Triwulan ${['I', 'II', 'III', 'IV'][triwulanDari(p) - 1]}`,
    tanggal: (ctx, p) => ctx.d.renja?.evaluasi_triwulan?.find((e) => e.triwulan === p.triwulan)?.tanggal ?? akhirTriwulan(ctx.tahun, triwulanDari(p)),
    html: async (ctx, p) => (await import('../render/evaluasi.js')).renderEvaluasi(ctx, triwulanDari(p)),
    xlsx: async (ctx, opsi, p) => (await import('../export/xlsx.js')).buatWorkbookEvaluasi(ctx, opsi, triwulanDari(p)),
  },
];

/** The last day of a quarter, "2024-09-30": the time stamp of an evaluation with no date of its own. */
function akhirTriwulan(tahun: number, n: Triwulan): string {
  return new Date(Date.UTC(tahun, n * 3, 0)).toISOString().slice(0, 10);
}

/** File name (without extension) of a document of a year. */
export function namaBerkas(d: DefinisiDokumen, tahun: number, p: ParameterDokumen): string {
  return d.berkas?.(tahun, p) ?? `${d.id}-${tahun}`;
}

export function formatDidukung(d: DefinisiDokumen): Format[] {
  const f: Format[] = [];
  if (d.html) f.push('html', 'pdf');
  if (d.xlsx) f.push('xlsx');
  return f;
}

/**
 * The PDF's and workbook's dates come from SOURCE_DATE_EPOCH when set (reproducible-builds.org),
 * else from the document's own date in the data, so the same data always gives the same bytes.
 */
export function tanggalDokumen(env: Readonly<Record<string, string | undefined>>, tanggalData: string | undefined, tahun: number): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(tanggalData ?? '');
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')));
  return new Date(Date.UTC(tahun + 1, 0, 1));
}
