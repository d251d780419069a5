/**
 * The build as a library: `buildDokumen(opsi)` checks the data, renders, prints and writes the
 * documents of one year or of every year, and reports what happened as events and as a result.
 * The `build` command, `--all`, `--watch`, the benchmarks and the tests all call it; the CLI only
 * parses options and prints the events.
 *
 * Each (year, document) is a job of three steps: render (HTML and workbook, in Node), print (PDF,
 * in Chromium), write (with the other documents of its year, as one set: output-set.ts). The
 * steps run as a pipeline, so that Chromium is never left waiting while Node works:
 *   - Chromium is started before the data is read, with print pages opened ahead;
 *   - Node works through its steps in a fixed order: the year's check, then the HTML of the next
 *     documents first (each goes to Chromium as soon as it is rendered), the workbooks after, while
 *     Chromium prints;
 *   - Chromium prints up to `jobs` documents at a time, in job order, as their HTML is ready; Node
 *     renders at most `jobs` documents ahead of the prints, which bounds memory in `--all`;
 *   - a year is written when its last document is done.
 * Any number of jobs gives the same bytes (every print page claims focus, see export/browser.ts).
 * A year whose data has errors is reported and its old outputs stay; an environment failure (no
 * browser, unwritable output) stops the whole build; an abort (a signal) closes the browser at
 * once, writes nothing more, and leaves every year's folder holding either its old set or its
 * complete new one.
 */
import path from 'node:path';
import { jejak } from '../util/jejak.js';
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../export/write-atomic.js';
import type { PdfMeta, PrintedPdf } from '../export/pdf.js';
import type { PemilikKunci } from '../export/kunci-folder.js';
import { loadData, tampilanPath, type Loaded } from '../load/index.js';
import type { KonteksDokumen } from '../render/konteks.js';
import { EXIT } from '../kode-keluar.js';
import { statusTahun, validate } from '../validate/index.js';
import type { BrowserBersama } from './browser-bersama.js';
import { buatBrowser } from './pekerja-cetak.js';
import { DOKUMEN, namaBerkas, tanggalDokumen, type DefinisiDokumen, type Format, type JenisDokumen, type ParameterDokumen, type Triwulan } from './dokumen.js';
import { periksaFolderKeluaran } from './keluaran.js';
import { daftarPekerjaan, JOBS_BAWAAN, pilihTahun, rencanaBuild, type Pekerjaan, type Shard } from './rencana.js';
import type { KaitUji } from './uji.js';

export { browserBersama, type BrowserBersama } from './browser-bersama.js';
export { buatBrowser } from './pekerja-cetak.js';
export { DOKUMEN, formatDidukung, namaBerkas, tanggalDokumen, type DefinisiDokumen, type Format, type JenisDokumen, type Triwulan } from './dokumen.js';
export { periksaFolderKeluaran } from './keluaran.js';
export { daftarPekerjaan, JOBS_BAWAAN, pilihTahun, rencanaBuild, type Pekerjaan, type PilihanTahun, type Shard } from './rencana.js';
export { kaitUjiDariEnv, type KaitUji, type TitikUji } from './uji.js';

export interface OpsiBuild {
  /** Folder relative paths are taken from. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The data folder, as given (relative to cwd). */
  data: string;
  /** The output folder, as given; each year goes to <out>/<tahun>/. */
  out: string;
  /** One year; undefined: every year of the data folder that is not history only (`--all`). */
  tahun?: number | undefined;
  only?: JenisDokumen | undefined;
  format: readonly Format[];
  /** A quarterly evaluation up to this quarter instead of the yearly documents (`--triwulan n`). */
  triwulan?: Triwulan | undefined;
  /** Only part of the jobs, for a CI matrix. */
  shard?: Shard | undefined;
  /** Documents built at the same time (default JOBS_BAWAAN). */
  jobs?: number | undefined;
  /** Per-pass print limit (ms). */
  timeoutMs?: number | undefined;
  /** Layout-audit findings (LKJ6xx) are errors: the year fails and nothing is written for it. */
  strict?: boolean | undefined;
  /** `--browser <path>`. */
  browser?: string | undefined;
  /** Stops the build: nothing more is written, the browser is closed at once. */
  signal?: AbortSignal | undefined;
  /** Test hook (src/build/uji.ts). */
  titik?: KaitUji | undefined;
  /** How long to wait for another build writing the same out/<tahun> (ms). */
  batasKunciMs?: number | undefined;
  onKejadian?: ((k: Kejadian) => void) | undefined;
}

/** What a build reports while it runs, for the CLI to print (or a test to record). */
export type Kejadian =
  /** The jobs to do, after sharding. `riwayat`: history years skipped. */
  | { jenis: 'rencana'; pekerjaan: Pekerjaan[]; jobs: number; riwayat: number[] }
  /** Nothing to build: no year folder, or only history years (`--all`); or none for this shard. */
  | { jenis: 'kosong'; alasan: 'tidak-ada-tahun' | 'hanya-riwayat' | 'shard-kosong'; tahun: number[]; dokumen: number }
  /** Problems of a year's data or of a rendered document, with the sources for code frames. */
  | { jenis: 'diagnostik'; tahun: number; diagnostik: Diagnostic[]; sumber: ReadonlyMap<string, string> }
  | { jenis: 'mulai'; pekerjaan: Pekerjaan }
  | { jenis: 'selesai'; pekerjaan: Pekerjaan; hasil: HasilDokumen; bagian: string[] }
  /** A job not done because its year's data has errors. */
  | { jenis: 'dilewati'; pekerjaan: Pekerjaan; masalah: Diagnostic[] }
  /** A year's data has errors: nothing is written for it. */
  | { jenis: 'gagal'; tahun: number; masalah: Diagnostic[]; keluaran: string }
  /** Another build is writing the same output folder: waiting for it. */
  | { jenis: 'menunggu'; folder: string; pemilik: PemilikKunci | undefined }
  /** A year's set is in place. `berkas`: every file written, relative to cwd, with `/`. */
  | { jenis: 'ditulis'; tahun: number; keluaran: string; berkas: string[]; cara: 'folder' | 'per-berkas'; durasi_ms: number };

/** One document of one year as built: for the summary and for `--reporter json`. */
export interface HasilDokumen {
  id: JenisDokumen;
  format: Format[];
  /** Files written, relative to the working directory. */
  berkas: string[];
  /** Pages of the PDF, when one was printed. */
  halaman?: number;
  durasi_ms: number;
}

/** One year as built. `ok: false` when its data had errors (nothing written for it). */
export interface HasilTahun {
  tahun: number;
  ok: boolean;
  kode_keluar: number;
  /** out/<tahun> relative to the working directory. */
  keluaran: string;
  dokumen: HasilDokumen[];
  /** Data, narrative and render diagnostics (info notes left out). */
  diagnostik: Diagnostic[];
  durasi_ms: number;
}

/** `lkjip build --reporter json`: one document on stdout. */
export interface LaporanBuild {
  ok: boolean;
  kode_keluar: number;
  shard: Shard | null;
  jobs: number;
  /** Years in the job list (after sharding) that built, and those whose data had errors. */
  berhasil: number[];
  gagal: number[];
  /** History-only years skipped by `--all`. */
  riwayat: number[];
  tahun: HasilTahun[];
  /** Set when the build was stopped (a signal): why. Years written before it are in `berhasil`. */
  dihentikan?: string;
  durasi_ms: number;
}

/** A usage mistake found by the build (odd `--out`, a document not available in a format): exit 2. */
export class OpsiSalah extends Error {
  override readonly name = 'OpsiSalah';
}

type TahunSiap =
  | { ok: true; tahun: number; loaded: Loaded; ctx: KonteksDokumen; masalah: Diagnostic[] }
  | { ok: false; tahun: number; masalah: Diagnostic[] };

/** A year's jobs collected until the last one is done, then written as one set. */
interface KumpulanTahun {
  hasil: HasilTahun;
  sisa: number;
  berkas: { urut: number; file: OutputFile }[];
  dokumen: HasilDokumen[];
  t0: number;
}

export async function buildDokumen(opsi: OpsiBuild, sesi: { browser?: BrowserBersama } = {}): Promise<LaporanBuild> {
  const mulai = performance.now();
  const kabar = (k: Kejadian): void => opsi.onKejadian?.(k);
  const salah = periksaFolderKeluaran(opsi.out, opsi.data, opsi.cwd);
  if (salah) throw new OpsiSalah(salah);
  const rencana = rencanaBuild(opsi);
  if (rencana.length === 0) {
    throw new OpsiSalah(`${opsi.only ? opsi.only.toUpperCase() : 'Dokumen'} dalam format ${opsi.format.join(', ')} belum tersedia di versi ini.`);
  }
  const jobs = Math.max(1, opsi.jobs ?? JOBS_BAWAAN);
  const laporanKosong = (ok: boolean, riwayat: number[] = []): LaporanBuild => ({
    ...laporanDari([], opsi, jobs, performance.now() - mulai),
    riwayat,
    ok,
    kode_keluar: ok ? EXIT.ok : EXIT.dataError,
  });

  const browser = sesi.browser ?? buatBrowser({ env: opsi.env, timeoutMs: opsi.timeoutMs, browser: opsi.browser });
  // A signal closes the browser at once: a print in progress fails instead of running to its end.
  const hentikan = (): void => void browser.tutup().catch(() => undefined);
  opsi.signal?.addEventListener('abort', hentikan, { once: true });
  try {
    // Chromium starts while the data is read, checked and rendered (on the other core), so its
    // launch is hidden behind work the build does anyway.
    if (rencana.some((r) => r.format.includes('pdf')) && !opsi.signal?.aborted) browser.mulai();
    const loaded = await jejak('muat data', () => loadData(path.resolve(opsi.cwd, opsi.data)));

    let daftarTahun: number[];
    let riwayat: number[] = [];
    if (opsi.tahun !== undefined) daftarTahun = [opsi.tahun];
    else {
      const pilihan = pilihTahun(loaded);
      daftarTahun = pilihan.dibangun;
      riwayat = pilihan.riwayat;
      if (daftarTahun.length === 0) {
        kabar({ jenis: 'kosong', alasan: loaded.years.length ? 'hanya-riwayat' : 'tidak-ada-tahun', tahun: loaded.years, dokumen: 0 });
        return laporanKosong(false, riwayat);
      }
    }
    const pekerjaan = daftarPekerjaan(daftarTahun, opsi);
    if (pekerjaan.length === 0) {
      kabar({ jenis: 'kosong', alasan: 'shard-kosong', tahun: daftarTahun, dokumen: rencana.length });
      return laporanKosong(true, riwayat);
    }
    kabar({ jenis: 'rencana', pekerjaan, jobs, riwayat });

    const kumpulan = new Map<number, KumpulanTahun>();
    for (const p of pekerjaan) {
      const k = kumpulan.get(p.tahun);
      if (k) k.sisa += 1;
      else {
        kumpulan.set(p.tahun, {
          hasil: { tahun: p.tahun, ok: true, kode_keluar: EXIT.ok, keluaran: keluaranTahun(opsi, p.tahun), dokumen: [], diagnostik: [], durasi_ms: 0 },
          sisa: 1,
          berkas: [],
          dokumen: [],
          t0: 0,
        });
      }
    }
    const siap = new Map<number, Promise<TahunSiap>>();
    const siapkan = (tahun: number): Promise<TahunSiap> => {
      let janji = siap.get(tahun);
      if (!janji) {
        const dokumenTahun = pekerjaan.filter((p) => p.tahun === tahun).map((p) => p.dokumen);
        janji = jejak(`periksa ${tahun}`, () => siapkanTahun(tahun, loaded, opsi, dokumenTahun)).then((s) => {
          const h = (kumpulan.get(tahun) as KumpulanTahun).hasil;
          h.diagnostik.push(...s.masalah);
          if (s.masalah.length > 0) kabar({ jenis: 'diagnostik', tahun, diagnostik: s.masalah, sumber: loaded.sources });
          if (!s.ok) {
            h.ok = false;
            h.kode_keluar = EXIT.dataError;
            kabar({ jenis: 'gagal', tahun, masalah: s.masalah, keluaran: h.keluaran });
          }
          return s;
        });
        siap.set(tahun, janji);
      }
      return janji;
    };

    let galat: unknown;
    const berhenti = (): boolean => galat !== undefined || opsi.signal?.aborted === true;
    const gagalkan = (e: unknown): void => {
      // An environment failure (no browser, unwritable output) ends the whole build.
      galat ??= e;
      bangunkan();
    };
    const pdfJobs = pekerjaan.filter((p) => p.format.includes('pdf')).length;
    // One document to print: its audit runs in a page of its own beside the print (a core idle).
    const auditTerpisah = pdfJobs === 1;
    if (pdfJobs > 0 && !opsi.signal?.aborted) browser.mulai(auditTerpisah ? 2 : Math.min(jobs, pdfJobs));

    const tugas: Tugas[] = pekerjaan.map((p, urut) => ({ p, urut, t0: 0, html: tunda<boolean>(), xlsxSelesai: false, cetakSelesai: false }));
    // Who waits for the prints to move on (Node rendering ahead, see bolehRender).
    let penunggu: (() => void)[] = [];
    const bangunkan = (): void => {
      const p = penunggu;
      penunggu = [];
      for (const f of p) f();
    };
    let berikutCetak = 0;
    /** Node renders job `i` once the prints have reached job i - jobs (at most `jobs` ahead). */
    const bolehRender = async (i: number): Promise<void> => {
      while (!berhenti() && i >= berikutCetak + jobs) await new Promise<void>((r) => penunggu.push(r));
    };

    const selesaikan = async (t: Tugas): Promise<void> => {
      if (!t.xlsxSelesai || !t.cetakSelesai || !t.r || t.lewat) return;
      const k = kumpulan.get(t.p.tahun) as KumpulanTahun;
      const r = hasilDokumen(t.p, t.r, t.pdf);
      k.hasil.durasi_ms += Math.round(performance.now() - t.t0);
      k.berkas.push(...r.berkas.map((file) => ({ urut: t.urut, file })));
      k.dokumen.push(r.hasil);
      kabar({ jenis: 'selesai', pekerjaan: t.p, hasil: r.hasil, bagian: r.bagian });
      k.sisa -= 1;
      if (k.sisa === 0 && k.hasil.ok && !berhenti()) await jejak(`tulis ${t.p.tahun}`, () => tulisTahun(k, opsi, kabar));
    };

    /** Node: the year's check (once), then the document's HTML. */
    const langkahHtml = async (t: Tugas): Promise<void> => {
      const k = kumpulan.get(t.p.tahun) as KumpulanTahun;
      t.t0 = performance.now();
      if (k.t0 === 0) k.t0 = t.t0;
      const s = await siapkan(t.p.tahun);
      if (!s.ok) {
        t.lewat = true;
        kabar({ jenis: 'dilewati', pekerjaan: t.p, masalah: s.masalah });
        return;
      }
      t.siap = s;
      kabar({ jenis: 'mulai', pekerjaan: t.p });
      t.r = await renderHtml(t.p, s, opsi, (d) => {
        k.hasil.diagnostik.push(...d);
        kabar({ jenis: 'diagnostik', tahun: t.p.tahun, diagnostik: d, sumber: loaded.sources });
      });
    };
    /** Node: the document's workbook. */
    const langkahXlsx = async (t: Tugas): Promise<void> => {
      if (t.r && t.siap && !t.lewat) await renderXlsx(t.p, t.siap, t.r, opsi);
      t.xlsxSelesai = true;
      await selesaikan(t);
    };
    /** Chromium: the document's PDF, and what its audit found. */
    const langkahCetak = async (t: Tugas): Promise<void> => {
      if (!t.r?.cetak) return;
      const k = kumpulan.get(t.p.tahun) as KumpulanTahun;
      await opsi.titik?.('sebelum-cetak');
      if (opsi.signal?.aborted) throw opsi.signal.reason;
      const hasil = await browser.cetak(t.r.cetak, {
        audit: true,
        auditTerpisah,
        ...(opsi.titik ? { setelahCetak: () => opsi.titik?.('saat-cetak') as Promise<void> } : {}),
      });
      t.pdf = hasil;
      if (hasil.audit) {
        const { diagnostikAudit } = await import('../export/audit.js');
        const temuan = diagnostikAudit(hasil.audit.temuan, `${t.p.dokumen.label} ${t.p.tahun}`, opsi.strict ? 'error' : 'warning');
        if (temuan.length > 0) {
          k.hasil.diagnostik.push(...temuan);
          kabar({ jenis: 'diagnostik', tahun: t.p.tahun, diagnostik: temuan, sumber: loaded.sources });
          if (temuan.some((d) => d.severity === 'error') && k.hasil.ok) {
            // --strict: a layout finding fails the year; its old outputs stay.
            k.hasil.ok = false;
            k.hasil.kode_keluar = EXIT.dataError;
            kabar({ jenis: 'gagal', tahun: t.p.tahun, masalah: temuan, keluaran: k.hasil.keluaran });
          }
        }
      }
    };

    const laneNode = async (): Promise<void> => {
      for (const l of urutanLangkahNode(tugas.length, jobs)) {
        if (berhenti()) break;
        const t = tugas[l.i] as Tugas;
        try {
          if (l.jenis === 'html') {
            await bolehRender(l.i);
            if (berhenti()) break;
            await langkahHtml(t);
          } else await langkahXlsx(t);
        } catch (e) {
          gagalkan(e);
        } finally {
          if (l.jenis === 'html') t.html.selesai(!t.lewat && t.r !== undefined);
        }
      }
      // Stopped early: nobody may wait for HTML that will not come.
      for (const t of tugas) t.html.selesai(false);
    };
    const laneCetak = async (): Promise<void> => {
      while (!berhenti() && berikutCetak < tugas.length) {
        const t = tugas[berikutCetak++] as Tugas;
        bangunkan();
        try {
          if (await t.html.janji) await jejak(`cetak ${t.p.dokumen.id} ${t.p.tahun}`, () => langkahCetak(t));
          t.cetakSelesai = true;
          await selesaikan(t);
        } catch (e) {
          gagalkan(e);
        }
      }
    };
    await Promise.all([laneNode(), ...Array.from({ length: Math.min(jobs, tugas.length) }, laneCetak)]);

    const semua = [...kumpulan.values()].map((k) => k.hasil).sort((a, b) => a.tahun - b.tahun);
    for (const h of semua) h.dokumen.sort((a, b) => DOKUMEN.findIndex((d) => d.id === a.id) - DOKUMEN.findIndex((d) => d.id === b.id));
    if (opsi.signal?.aborted) {
      const alasan = opsi.signal.reason instanceof Error ? opsi.signal.reason.message : String(opsi.signal.reason ?? 'dihentikan');
      const ditulis = semua.filter((h) => h.ok && h.dokumen.length > 0 && h.dokumen.every((d) => d.berkas.length > 0));
      const l = laporanDari(ditulis, opsi, jobs, performance.now() - mulai);
      return { ...l, riwayat, ok: false, dihentikan: alasan, gagal: [] };
    }
    if (galat !== undefined) throw galat;
    return { ...laporanDari(semua, opsi, jobs, performance.now() - mulai), riwayat };
  } finally {
    opsi.signal?.removeEventListener('abort', hentikan);
    if (!sesi.browser) await browser.tutup();
  }
}

async function tulisTahun(k: KumpulanTahun, opsi: OpsiBuild, kabar: (k: Kejadian) => void): Promise<void> {
  const { tulisSetKeluaran } = await import('../export/output-set.js');
  const outDir = path.resolve(opsi.cwd, opsi.out, String(k.hasil.tahun));
  const berkas = k.berkas.sort((a, b) => a.urut - b.urut).map((b) => b.file);
  const r = await tulisSetKeluaran(outDir, berkas, {
    ...(opsi.signal ? { signal: opsi.signal } : {}),
    ...(opsi.titik ? { titik: opsi.titik } : {}),
    ...(opsi.batasKunciMs !== undefined ? { batasKunciMs: opsi.batasKunciMs } : {}),
    onMenunggu: (pemilik) => kabar({ jenis: 'menunggu', folder: relatif(opsi.cwd, outDir), pemilik }),
  });
  const ditulis = r.ditulis.map((f) => relatif(opsi.cwd, f));
  // Each document's files, in the order they were made.
  const sisa = [...ditulis];
  for (const d of k.dokumen) d.berkas = sisa.filter((f) => path.posix.basename(f).startsWith(`${d.id}-`));
  k.hasil.dokumen = k.dokumen;
  kabar({
    jenis: 'ditulis',
    tahun: k.hasil.tahun,
    keluaran: k.hasil.keluaran,
    berkas: ditulis,
    cara: r.cara,
    durasi_ms: Math.round(performance.now() - k.t0),
  });
}

function laporanDari(tahun: HasilTahun[], opsi: OpsiBuild, jobs: number, ms: number): LaporanBuild {
  const gagal = tahun.filter((t) => !t.ok).map((t) => t.tahun);
  const kode = tahun.find((t) => t.kode_keluar !== EXIT.ok)?.kode_keluar ?? EXIT.ok;
  return {
    ok: gagal.length === 0,
    kode_keluar: kode,
    shard: opsi.shard ?? null,
    jobs,
    berhasil: tahun.filter((t) => t.ok).map((t) => t.tahun),
    gagal,
    riwayat: [],
    tahun,
    durasi_ms: Math.round(ms),
  };
}

const relatif = (cwd: string, p: string): string => (path.relative(cwd, p) || p).split(path.sep).join('/');
const keluaranTahun = (opsi: OpsiBuild, tahun: number): string => relatif(opsi.cwd, path.resolve(opsi.cwd, opsi.out, String(tahun)));

/**
 * A year's data checked once for all its documents, by the check `lkjip validate` runs
 * (validate/periksa.ts): build says nothing about the data that validate did not. On success the
 * document context to render from: the check's, with the year's pictures read for printing.
 */
async function siapkanTahun(tahun: number, loaded: Loaded, opsi: OpsiBuild, dokumen: readonly DefinisiDokumen[]): Promise<TahunSiap> {
  const { periksaTahun } = await import('../validate/periksa.js');
  const { diagnostics, ok, ctx } = await periksaTahun(loaded, tahun);
  const status = statusUntuk(loaded, tahun, dokumen);
  // A quarterly evaluation (--triwulan n) reports the quarters empty in its own window; the Renja's
  // (up to renja.yaml triwulan_evaluasi) is not built then, so its warning would name other quarters.
  const masalah: Diagnostic[] = diagnostics.filter((d) => !(opsi.triwulan && d.code === 'TRIWULAN_BELUM_DIISI'));
  if (ok && !status.bisaDibangun) masalah.push(diagnosa('LKJ402', { tahun, kurang: status.kurang }, { file: `${opsi.data}/${tahun}` }));
  const gagal = masalah.some((d) => d.severity === 'error');
  const dilaporkan = masalah.filter((d) => d.severity !== 'info');
  if (gagal || !loaded.dataSet) return { ok: false, tahun, masalah: dilaporkan };
  const { buatKonteksDokumen } = await import('../render/konteks.js');
  const { muatGambar } = await import('../load/gambar.js');
  const gambar = muatGambar(loaded, tahun);
  return {
    ok: true,
    tahun,
    loaded,
    ctx: ctx ? { ...ctx, gambar } : buatKonteksDokumen(loaded.dataSet, tahun, undefined, tampilanPath(path.resolve(loaded.dir)), gambar),
    masalah: dilaporkan,
  };
}

/**
 * Whether a year has what its documents need: each document's own requirement when it states one
 * (a quarterly evaluation needs only program.yaml), else the yearly documents' (statusTahun).
 */
function statusUntuk(loaded: Loaded, tahun: number, dokumen: readonly DefinisiDokumen[]): { bisaDibangun: boolean; kurang: string[] } {
  if (!loaded.years.includes(tahun)) return { bisaDibangun: false, kurang: ['folder tahun'] };
  const kurang = new Set<string>();
  let tahunan: string[] | undefined;
  for (const d of dokumen) {
    for (const k of d.kurang ? d.kurang(loaded, tahun) : (tahunan ??= ((st) => [...st.kurang, ...st.tidakSah])(statusTahun(loaded, tahun)))) kurang.add(k);
  }
  return { bisaDibangun: kurang.size === 0, kurang: [...kurang] };
}

const kunciDiagnostik = (d: Diagnostic): string => `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;

/** A document after the render steps: its HTML and workbook files, and what the print step needs. */
interface Dirender {
  berkas: OutputFile[];
  /** Set when a PDF is asked for: the HTML to print and the PDF's metadata. */
  cetak?: { html: string; baseUrl: string; meta: PdfMeta };
  t0: number;
  /** File name without extension (namaBerkas). */
  nama: string;
  tanggal: Date;
}

/** One job on its way through the pipeline (see buildDokumen). */
interface Tugas {
  p: Pekerjaan;
  urut: number;
  t0: number;
  /** Its year's data has errors: nothing is done for it. */
  lewat?: boolean;
  siap?: Extract<TahunSiap, { ok: true }>;
  r?: Dirender;
  /** Settled when the HTML step is over: true when there is a document to print. */
  html: Tunda<boolean>;
  xlsxSelesai: boolean;
  cetakSelesai: boolean;
  pdf?: PrintedPdf;
}

interface Tunda<T> {
  janji: Promise<T>;
  /** Settles it; later calls do nothing. */
  selesai(v: T): void;
}

function tunda<T>(): Tunda<T> {
  let f: (v: T) => void = () => undefined;
  const janji = new Promise<T>((r) => (f = r));
  let sudah = false;
  return {
    janji,
    selesai(v) {
      if (sudah) return;
      sudah = true;
      f(v);
    },
  };
}

/**
 * The order of Node's steps for `n` jobs: the HTML of the first `jobs` documents, then each
 * document's workbook followed by the HTML of the document `jobs` places later. HTML first keeps
 * Chromium supplied; the workbooks fill the time it prints.
 */
export function urutanLangkahNode(n: number, jobs: number): { jenis: 'html' | 'xlsx'; i: number }[] {
  const langkah: { jenis: 'html' | 'xlsx'; i: number }[] = [];
  for (let i = 0; i < Math.min(jobs, n); i++) langkah.push({ jenis: 'html', i });
  for (let i = 0; i < n; i++) {
    langkah.push({ jenis: 'xlsx', i });
    if (i + jobs < n) langkah.push({ jenis: 'html', i: i + jobs });
  }
  return langkah;
}

/** Step 1, in Node: the HTML of one document of a ready year (for HTML and PDF). */
async function renderHtml(
  p: Pekerjaan,
  siap: Extract<TahunSiap, { ok: true }>,
  opsi: OpsiBuild,
  peringatan: (d: Diagnostic[]) => void,
): Promise<Dirender> {
  const t0 = performance.now();
  const d: DefinisiDokumen = p.dokumen;
  const { tahun, format } = p;
  const { ctx } = siap;
  const param: ParameterDokumen = { triwulan: opsi.triwulan };
  const nama = namaBerkas(d, tahun, param);
  const tanggal = tanggalDokumen(opsi.env, d.tanggal(ctx, param), tahun);
  const r: Dirender = { berkas: [], t0, nama, tanggal };
  if (d.html && (format.includes('html') || format.includes('pdf'))) {
    const doc = await jejak(`render html ${d.id}`, async () => (d.html as NonNullable<typeof d.html>)(ctx, param));
    // The check already reported what the narrative lacks; rendering finds the same again.
    const sudah = new Set(siap.masalah.map(kunciDiagnostik));
    const baru = doc.peringatan.filter((x) => !sudah.has(kunciDiagnostik(x)));
    if (baru.length > 0) peringatan(baru);
    if (format.includes('html')) {
      const { tanpaTandaSumber } = await import('../export/html-marks.js');
      r.berkas.push({ relPath: `${nama}.html`, data: tanpaTandaSumber(doc.html) });
    }
    if (format.includes('pdf')) {
      r.cetak = {
        html: doc.html,
        baseUrl: doc.baseUrl,
        meta: {
          title: doc.judul,
          author: ctx.opd.nama_lengkap,
          subject: d.subjek(tahun, ctx, param),
          keywords: [d.label, String(tahun), ctx.opd.nama_lengkap],
          creator: 'lkjip',
          date: tanggal,
        },
      };
    }
  }
  return r;
}

/** Step 1b, in Node: the workbook of the document, when asked for. */
async function renderXlsx(p: Pekerjaan, siap: Extract<TahunSiap, { ok: true }>, r: Dirender, opsi: OpsiBuild): Promise<void> {
  const d = p.dokumen;
  if (!d.xlsx || !p.format.includes('xlsx')) return;
  const param: ParameterDokumen = { triwulan: opsi.triwulan };
  const data = await jejak(`render xlsx ${d.id}`, async () => (d.xlsx as NonNullable<typeof d.xlsx>)(siap.ctx, { tanggal: r.tanggal }, param));
  r.berkas.push({ relPath: `${r.nama}.xlsx`, data });
}

/** A finished document: its files (by name: html, pdf, xlsx, as listed after writing) and result. */
function hasilDokumen(p: Pekerjaan, r: Dirender, pdf: PrintedPdf | undefined): { berkas: OutputFile[]; bagian: string[]; hasil: HasilDokumen } {
  const berkas: OutputFile[] = [];
  const bagian: string[] = [];
  if (pdf) {
    berkas.push({ relPath: `${r.nama}.pdf`, data: pdf.pdf });
    bagian.push(`PDF ${pdf.pages.length} halaman`);
  }
  for (const b of r.berkas) {
    berkas.push(b);
    bagian.push(b.relPath.endsWith('.html') ? 'HTML' : 'XLSX');
  }
  berkas.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  const hasil: HasilDokumen = { id: p.dokumen.id, format: [...p.format], berkas: [], durasi_ms: Math.round(performance.now() - r.t0) };
  if (pdf) hasil.halaman = pdf.pages.length;
  return { berkas, bagian, hasil };
}
