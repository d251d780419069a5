/**
 * `lkjip init <tahun>`: starts a new year folder from the Renstra and the nearest earlier year, so
 * the planning office begins from a valid skeleton instead of copying last year's files by hand.
 *
 * What is carried and what is left empty follows the ground rule "only base values in data":
 * - targets the Renstra states for the year are written as they are;
 * - a value that is only a guess (last year's budget, last year's target where the Renstra has
 *   none, dates, texts that may have changed) is written with a `# TODO:` comment beside it;
 * - realisations are `null`, never 0 (0 would be a realisation);
 * - context tables, LKJIP/Renja-only sections are left out, with last year's shape as a comment;
 * - the narrative is copied as a draft with `> TODO: perbarui untuk tahun <tahun>` on top;
 * - lra.yaml is not made: the LRA only exists after the year closes, so the year stays history-only
 *   (LKJ401) until it is added.
 * Nothing existing is ever touched: a year folder that exists (and is not empty) is refused, and
 * the new folder is written beside it first and renamed into place whole.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { bacaGambar, cariGambarMarkdown, jalurGambar } from '../../load/gambar.js';
import { loadData, tampilanPath, type Loaded, type LoadedFile } from '../../load/index.js';
import { BERKAS_TAHUN, DOKUMEN_NARASI, namaSkema, type JenisBerkas } from '../../load/kinds.js';
import { statusTahun, validate } from '../../validate/index.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { DataSet, DataTahun, Indikator, Program, RenstraStrategis, SubKegiatan } from '../../model/types.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { adaKesalahan, laporkan, ringkasan } from '../report.js';
import { periksaData } from './validate.js';

/** One thing still to fill in, pointing at the line to edit where there is one. */
export interface BelumDiisi {
  file: string;
  line?: number;
  pesan: string;
}

export interface HasilInit {
  tahun: number;
  ok: boolean;
  folder: string;
  /** Files created, relative to the working directory. */
  dibuat: string[];
  /** The year the drafts were taken from (undefined: from the Renstra alone). */
  dari?: number;
  belum_diisi: BelumDiisi[];
  diagnostik: Diagnostic[];
}

export const PENANDA_NARASI = (tahun: number): string => `> TODO: perbarui untuk tahun ${tahun}`;

export async function commandInit(tahun: number, opts: GlobalOptions, io: Io): Promise<number> {
  const json = opts.reporter === 'json';
  const dataDir = path.resolve(io.cwd, opts.data);
  const folder = path.join(dataDir, String(tahun));
  const tampil = (p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');
  const tolak = (kode: number, pesan: string, diagnostik: Diagnostic[] = []): number => {
    if (json) io.out(`${JSON.stringify({ tahun, ok: false, folder: tampil(folder), dibuat: [], belum_diisi: [], diagnostik, pesan }, null, 2)}\n`);
    io.err(`kesalahan: ${pesan}\n`);
    return kode;
  };

  if (existsSync(folder) && (!isFolder(folder) || readdirSync(folder).length > 0)) {
    return tolak(
      EXIT.usage,
      `${tampil(folder)}/ sudah ada; \`lkjip init\` tidak pernah menimpa data. ` +
        `Untuk memulai ulang, pindahkan atau hapus folder itu sendiri dulu.`,
    );
  }
  const loaded = await loadData(dataDir);
  const diagnostikDasar = validate(loaded).filter((d) => d.severity === 'error');
  if (diagnostikDasar.length > 0 || !loaded.dataSet) {
    laporkan(diagnostikDasar, json ? 'json' : 'text', io, loaded.sources);
    return tolak(EXIT.dataError, `data di ${tampil(dataDir)}/ punya kesalahan (${ringkasan(diagnostikDasar)}); perbaiki dulu, lalu ulangi \`lkjip init ${tahun}\`.`, diagnostikDasar);
  }
  const ds = loaded.dataSet;
  const { awal, akhir } = ds.strategis.periode;
  if (tahun < awal || tahun > akhir) {
    return tolak(
      EXIT.usage,
      `tahun ${tahun} di luar periode Renstra ${awal}-${akhir} (renstra/strategis.yaml). ` +
        `Tahun baru dapat dibuat untuk ${awal} sampai ${akhir}; untuk periode Renstra baru, perbarui renstra/ dulu.`,
    );
  }

  const berkas = await susunTahunBaru(ds, loaded, tahun);
  // Written in a hidden folder beside it, then renamed into place in one step: a failure half-way
  // (disk full, no permission) leaves no half year behind.
  const dibuat = berkas.berkas.map((b) => tampil(path.join(folder, b.relPath)));
  let sementara: string | undefined;
  try {
    sementara = await mkdtemp(path.join(dataDir, `.init-${tahun}-`));
    for (const b of berkas.berkas) {
      const abs = path.join(sementara, b.relPath);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, b.isi, { flag: 'wx' });
    }
    // rename() replaces only an empty folder; one that filled up meanwhile makes it fail (ENOTEMPTY).
    await rename(sementara, folder);
    sementara = undefined;
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    if (!kode) throw e;
    return tolak(EXIT.environment, `tidak dapat membuat ${tampil(folder)}/ (${kode}): ${(e as Error).message}. Tidak ada yang diubah.`);
  } finally {
    if (sementara) await rm(sementara, { recursive: true, force: true }).catch(() => undefined);
  }

  let cek = await periksaData(tahun, opts, io);
  const dinonaktifkan = await nonaktifkanReferensiKosong(cek.diagnostics, folder, io);
  if (dinonaktifkan > 0) cek = await periksaData(tahun, opts, io);
  const belum = belumDiisi(cek.loaded, tahun);
  const diagnostik = cek.diagnostics.filter((d) => d.severity !== 'info');
  const hasil: HasilInit = { tahun, ok: cek.ok, folder: tampil(folder), dibuat, belum_diisi: belum, diagnostik };
  if (berkas.dari !== undefined) hasil.dari = berkas.dari;
  if (json) {
    io.out(`${JSON.stringify(hasil, null, 2)}\n`);
    return cek.ok ? EXIT.ok : EXIT.dataError;
  }
  const yaml = dibuat.filter((f) => f.endsWith('.yaml')).length;
  const md = dibuat.filter((f) => f.endsWith('.md')).length;
  const gambar = dibuat.length - yaml - md;
  io.err(
    `Tahun ${tahun} dibuat di ${tampil(folder)}/: ${yaml} berkas YAML dan ${md} berkas narasi${gambar > 0 ? ` (dengan ${gambar} gambar)` : ''}, ` +
      (berkas.dari !== undefined ? `dari Renstra dan data ${berkas.dari}.\n` : 'dari Renstra saja (belum ada tahun lain).\n'),
  );
  // Errors anywhere, warnings only about the new year (older years' warnings are not news here).
  const diFolder = (f: string | undefined): boolean => !!f && path.resolve(f).startsWith(folder + path.sep); // shown relative to process.cwd()
  laporkan(diagnostik.filter((d) => d.severity === 'error' || diFolder(d.file)), 'text', io, cek.loaded.sources);
  io.err(`${cek.ok ? 'Data valid' : 'Data tidak valid'}: ${ringkasan(cek.diagnostics)}.\n`);
  io.err(formatBelumDiisi(belum));
  return cek.ok ? EXIT.ok : EXIT.dataError;
}

export const PENANDA_REFERENSI = '{{!-- TODO:';

/**
 * A copied narrative may name data the new year does not have yet (`{{data "konteks.…"}}` while
 * konteks.yaml is still a skeleton), which the narrative check rejects (LKJ310). Such references
 * in the drafts just written are turned into Handlebars comments, `{{!-- TODO: {{data "…"}} --}}`,
 * so the year validates; once the data is filled in, removing the comment wrapper restores them.
 * Only files under the new year's narasi/ are touched (all created by this run).
 */
async function nonaktifkanReferensiKosong(diagnostik: readonly Diagnostic[], folder: string, io: Io): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const narasi = path.join(folder, 'narasi') + path.sep;
  const perBerkas = new Map<string, { line: number; column: number }[]>();
  for (const d of diagnostik) {
    if (d.code !== 'LKJ310' || !d.file || !d.line || !d.column || !d.message.startsWith('Data `')) continue;
    const abs = path.resolve(d.file);
    const abs2 = path.resolve(io.cwd, d.file);
    const f = abs.startsWith(narasi) ? abs : abs2.startsWith(narasi) ? abs2 : undefined;
    if (!f) continue;
    const daftar = perBerkas.get(f) ?? [];
    daftar.push({ line: d.line, column: d.column });
    perBerkas.set(f, daftar);
  }
  let n = 0;
  for (const [f, posisi] of perBerkas) {
    const teks = await readFile(f, 'utf8');
    const awalBaris = [0];
    for (let i = 0; i < teks.length; i++) if (teks[i] === '\n') awalBaris.push(i + 1);
    const rentang = new Map<number, number>();
    for (const p of posisi) {
      const off = (awalBaris[p.line - 1] ?? 0) + p.column - 1;
      const a = teks.lastIndexOf('{{', off);
      const b = teks.indexOf('}}', off);
      if (a >= 0 && b > a && !teks.slice(a, off).includes('}}')) rentang.set(a, b + 2);
    }
    let hasil = teks;
    for (const [a, b] of [...rentang].sort(([x], [y]) => y - x)) {
      hasil = `${hasil.slice(0, a)}${PENANDA_REFERENSI} ${hasil.slice(a, b)} --}}${hasil.slice(b)}`;
      n += 1;
    }
    if (hasil !== teks) await writeFile(f, hasil);
  }
  return n;
}

function isFolder(p: string): boolean {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The list printed after init (and usable by `validate`): file:line, what to fill in. */
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
  const baris = butir.map((b, i) => `  ${(lokasi[i] as string).padEnd(lebar)}  ${b.pesan}`);
  return `Belum diisi (${semua.length}); isi nilainya, lalu hapus tanda TODO:\n${baris.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// What is still to fill in

const POLA_TODO = /#\s*TODO\b:?\s*(.*)$/;

/**
 * Everything of a year that is still empty or marked as a draft: missing files (for building),
 * `# TODO:` comments, realisations that are null, sub kegiatan without pagu, narrative files that
 * still start with the draft marker. Works on any year, not only one made by init.
 */
export function belumDiisi(loaded: Loaded, tahun: number): BelumDiisi[] {
  const out: BelumDiisi[] = [];
  const folder = tampilanPath(path.resolve(loaded.dir, String(tahun)));
  const berkasTahun = [...loaded.files.values()].filter((f) => f.tahun === tahun).sort((a, b) => urutBerkas(a) - urutBerkas(b));
  const dt = loaded.data.tahun.get(tahun);
  for (const f of berkasTahun) {
    f.text.split(/\r?\n/).forEach((teks, i) => {
      const m = POLA_TODO.exec(teks);
      if (m) out.push({ file: f.file, line: i + 1, pesan: `TODO: ${m[1] || teks.trim()}` });
    });
    if (!f.ok) continue;
    if (f.jenis === 'kinerja' && dt?.kinerja && Array.isArray(dt.kinerja.indikator)) {
      const kosong = dt.kinerja.indikator.map((v, i) => ({ v, i })).filter(({ v }) => (v.realisasi === null || v.realisasi === undefined) && !v.keterangan);
      if (kosong.length > 0) {
        out.push({
          file: f.file,
          ...baris(loaded, f, `/indikator/${kosong[0]?.i}`),
          pesan: `realisasi belum diisi: ${kosong.map(({ v }) => v.id).join(', ')}`,
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
      dt.program.node.forEach((n, i) => {
        for (const v of n.indikator ?? []) {
          const tw = v.realisasi_triwulan ?? [];
          if ((v.realisasi === null || v.realisasi === undefined) && tw.every((x) => x === null) && !v.keterangan) tanpaRealisasi.push({ id: v.id, i });
        }
      });
      if (tanpaRealisasi.length > 0) {
        out.push({
          file: f.file,
          ...baris(loaded, f, `/node/${tanpaRealisasi[0]?.i}`),
          pesan: `realisasi belum diisi: ${tanpaRealisasi.length} indikator program/kegiatan/sub kegiatan`,
        });
      }
    }
  }
  for (const dok of DOKUMEN_NARASI) {
    const isi = dt?.narasi[dok] ?? {};
    const draf = Object.entries(isi).filter(([, teks]) => /^\s*>\s*TODO\b/.test(teks));
    if (draf.length > 0) {
      out.push({
        file: `${folder}/narasi/${dok}/`,
        pesan: `narasi masih draf (tanda "> TODO" di baris 1): ${draf.length} dari ${Object.keys(isi).length} berkas`,
      });
    }
    for (const [nama, teks] of Object.entries(isi)) {
      const i = teks.indexOf(PENANDA_REFERENSI);
      if (i < 0) continue;
      const jumlah = teks.split(PENANDA_REFERENSI).length - 1;
      out.push({
        file: `${folder}/narasi/${dok}/${nama}.md`,
        line: teks.slice(0, i).split('\n').length,
        pesan: `${jumlah} referensi data dinonaktifkan sampai datanya diisi; lalu buang pembungkus "${PENANDA_REFERENSI} … --}}"`,
      });
    }
  }
  if (loaded.years.includes(tahun)) {
    for (const k of statusTahun(loaded, tahun).kurang) {
      out.push({ file: `${folder}/${k}`, pesan: k === 'lra.yaml' ? 'belum ada: Laporan Realisasi Anggaran (setelah tutup tahun); perlu untuk build' : 'belum ada; perlu untuk build' });
    }
  }
  return out;
}

const URUTAN_BERKAS = Object.keys(BERKAS_TAHUN);
const urutBerkas = (f: LoadedFile): number => URUTAN_BERKAS.indexOf(path.basename(f.relatif).replace(/\.ya?ml$/, ''));

function baris(loaded: Loaded, f: LoadedFile, pointer: string): { line?: number } {
  const pos = loaded.positionOf(f.file, pointer);
  return pos ? { line: pos.line } : {};
}

// ---------------------------------------------------------------------------------------------
// The new year's files

interface BerkasBaru {
  relPath: string;
  isi: string | Buffer;
}

type NodePohon = { node: SubKegiatan; tingkat: 'program' | 'kegiatan' | 'sub_kegiatan' };

function pohon(ds: DataSet): NodePohon[] {
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

/** Copies of the checked pictures that narrative `relPath` of year `dari` names inside that year's folder. */
function gambarIkut(loaded: Loaded, dari: number, relPath: string, teks: string, sudah: readonly BerkasBaru[]): BerkasBaru[] {
  const out: BerkasBaru[] = [];
  for (const g of cariGambarMarkdown(teks)) {
    const j = jalurGambar(`${dari}/${relPath}`, g.src);
    if (!j.ok || !j.rel.startsWith(`${dari}/`)) continue;
    const rel = j.rel.slice(`${dari}/`.length);
    if ([...sudah, ...out].some((b) => b.relPath === rel)) continue;
    const hasil = bacaGambar(path.resolve(loaded.dir), j.rel);
    if (hasil.ok) out.push({ relPath: rel, isi: hasil.gambar.data });
  }
  return out;
}

/** Years to take drafts from: the nearest earlier first, then later ones. */
function urutanSumber(loaded: Loaded, tahun: number): number[] {
  const lebihAwal = loaded.years.filter((y) => y < tahun).sort((a, b) => b - a);
  const lebihAkhir = loaded.years.filter((y) => y > tahun).sort((a, b) => a - b);
  return [...lebihAwal, ...lebihAkhir];
}

/** A YAML scalar: strings always double-quoted (codes like "2.07.01" must stay text). */
function s(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const t = String(v);
  // Ids and words stay plain as the hand-written files have them (IKU-1, APBD); anything that could
  // read as another type or needs escaping is quoted.
  if (/^[A-Za-z][A-Za-z0-9_.-]*$/.test(t) && !/^(null|true|false|yes|no|on|off|y|n)$/i.test(t)) return t;
  return JSON.stringify(t);
}

/** A one-line flow map: `{ id: IKU-1, realisasi: null }`. Keys are snake_case, never quoted. */
function peta(o: Record<string, unknown>): string {
  const isi = Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map(s).join(', ')}]` : s(v)}`);
  return `{ ${isi.join(', ')} }`;
}

const rupiah = (n: number): string => n.toLocaleString('id-ID');

/** The `$schema` comment line: as the other year folders write it, else relative to the package's schemas/. */
function kepala(loaded: Loaded, jenis: JenisBerkas): string {
  for (const f of loaded.files.values()) {
    const pertama = f.text.split(/\r?\n/, 1)[0] ?? '';
    if (f.tahun !== undefined && f.jenis === jenis && pertama.startsWith('# yaml-language-server: $schema=')) return pertama;
  }
  let rel = '../../schemas';
  for (const f of loaded.files.values()) {
    const m = /\$schema=(.*)\/schemas\/[^/]+$/.exec(f.text.split(/\r?\n/, 1)[0] ?? '');
    if (m && f.tahun === undefined) {
      // A base file (one folder up from a year folder for opd.yaml, same depth for renstra/).
      rel = f.relatif.startsWith('renstra/') ? `${m[1]}/schemas` : `../${m[1]}/schemas`;
      break;
    }
  }
  return `# yaml-language-server: $schema=${rel}/${namaSkema(jenis)}`;
}

/** YAML block of a plain value, indented, via the yaml library (text with any characters stays valid). */
async function blok(nilai: unknown, indent: number): Promise<string> {
  const { stringify } = await import('yaml');
  const pad = ' '.repeat(indent);
  return stringify(nilai, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** Previous-year texts that name that year ("... Tahun 2024 – Bag. Perencanaan") get the new year. */
function gantiTahun(teks: string, dari: number | undefined, ke: number): string {
  return dari === undefined ? teks : teks.replace(new RegExp(`\\b${dari}\\b`, 'g'), String(ke));
}

function gantiTahunDalam<T>(v: T, dari: number | undefined, ke: number): T {
  if (typeof v === 'string') return gantiTahun(v, dari, ke) as T;
  if (Array.isArray(v)) return v.map((x) => gantiTahunDalam(x, dari, ke)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, gantiTahunDalam(x, dari, ke)])) as T;
  return v;
}

function targetRenstra(ind: Indikator | undefined, tahun: number): number | undefined {
  const t = ind?.target?.[String(tahun)];
  return typeof t === 'number' ? t : undefined;
}

/** Builds every file of the new year in memory (written by the caller, exclusively). */
export async function susunTahunBaru(ds: DataSet, loaded: Loaded, tahun: number): Promise<{ berkas: BerkasBaru[]; dari?: number }> {
  const sumber = urutanSumber(loaded, tahun);
  const ambil = <T>(f: (d: DataTahun) => T | undefined): { tahun: number; nilai: T } | undefined => {
    for (const y of sumber) {
      const d = loaded.data.tahun.get(y);
      const nilai = d ? f(d) : undefined;
      if (nilai !== undefined && nilai !== null) return { tahun: y, nilai };
    }
    return undefined;
  };
  const dari = sumber[0];
  const dibuat = `dibuat \`lkjip init ${tahun}\``;
  const berkas: BerkasBaru[] = [];
  const strategis: RenstraStrategis = ds.strategis;
  const indikator = new Map<string, Indikator>([...(strategis.indikator ?? []), ...(ds.program.indikator ?? [])].map((i) => [i.id, i]));

  // pk.yaml: Renstra targets of the year; last PK's target and budgets as marked starting points.
  {
    const pkLalu = ambil((d) => d.pk);
    const targetLalu = new Map<string, number>();
    for (const t of pkLalu?.nilai.papbd?.target ?? pkLalu?.nilai.apbd?.target ?? []) targetLalu.set(t.indikator, t.target);
    const ids = [
      ...strategis.indikator.filter((i) => i.jenis === 'iku' || i.jenis === 'kinerja_lainnya').map((i) => i.id),
      ...[...targetLalu.keys()].filter((id) => !strategis.indikator.some((i) => i.id === id && (i.jenis === 'iku' || i.jenis === 'kinerja_lainnya'))),
    ];
    const anggaranLalu = ambil((d) => d.pk?.papbd?.anggaran ?? d.pk?.apbd?.anggaran);
    const l: string[] = [
      kepala(loaded, 'pk'),
      `# Perjanjian Kinerja ${tahun}, ${dibuat} dari target Renstra${pkLalu ? ` dan PK ${pkLalu.tahun}` : ''}.`,
      '# Isi `papbd` (bentuknya sama dengan `apbd`) bila ada Perjanjian Kinerja Perubahan.',
      `tahun: ${tahun}`,
    ];
    if (pkLalu?.nilai.sumber_data) l.push(`sumber_data: ${s(gantiTahun(pkLalu.nilai.sumber_data, pkLalu.tahun, tahun))}`);
    l.push('', 'apbd:', `  # TODO: tempat, tanggal ("${tahun}-01-15") dan penanda tangan (pihak_pertama, pihak_kedua) PK ${tahun}, bila dicetak.`, '  target:');
    const tanpaTarget: string[] = [];
    for (const id of ids) {
      const r = targetRenstra(indikator.get(id), tahun);
      if (r !== undefined) l.push(`    - ${peta({ indikator: id, target: r })}`);
      else if (targetLalu.has(id)) {
        l.push(`    - ${peta({ indikator: id, target: targetLalu.get(id) })} # TODO: Renstra tidak memuat target ${tahun}; ini target PK ${pkLalu?.tahun}`);
      } else tanpaTarget.push(id);
    }
    if (tanpaTarget.length > 0) l.push(`    # TODO: target ${tanpaTarget.join(', ')} (tidak ada di Renstra maupun PK sebelumnya)`);
    if (anggaranLalu && anggaranLalu.nilai.length > 0) {
      l.push('  anggaran:', `    # TODO: anggaran program PK ${anggaranLalu.tahun} sebagai titik awal; ganti dengan anggaran APBD ${tahun}.`);
      for (const a of anggaranLalu.nilai) l.push(`    - ${peta({ program: a.program, anggaran: a.anggaran, keterangan: 'APBD' })}`);
    } else l.push(`  # TODO: anggaran per program APBD ${tahun}: anggaran: [{ program: "<kode>", anggaran: <rupiah>, keterangan: APBD }]`);
    berkas.push({ relPath: 'pk.yaml', isi: `${l.join('\n')}\n` });
  }

  // kinerja.yaml: every tujuan / IKU / kinerja lainnya indicator, realisation empty.
  {
    const lalu = ambil((d) => d.kinerja);
    const l = [
      kepala(loaded, 'kinerja'),
      `# Realisasi ${tahun} indikator tujuan, IKU dan kinerja lainnya, ${dibuat}. Target tidak ditulis di sini:`,
      '# target ada di pk.yaml (IKU, kinerja lainnya) dan renstra/strategis.yaml (indikator tujuan).',
      '# `realisasi: null` berarti belum tersedia; bila tetap tidak tersedia, tambahkan `keterangan`.',
      `tahun: ${tahun}`,
    ];
    if (lalu?.nilai.sumber_data) l.push(`sumber_data: ${s(gantiTahun(lalu.nilai.sumber_data, lalu.tahun, tahun))}`);
    l.push('indikator:');
    const ids = strategis.indikator.filter((i) => i.jenis === 'tujuan' || i.jenis === 'iku' || i.jenis === 'kinerja_lainnya').map((i) => i.id);
    for (const id of ids) l.push(`  - ${peta({ id, realisasi: null })}`);
    berkas.push({ relPath: 'kinerja.yaml', isi: `${l.join('\n')}\n` });
  }

  // program.yaml: every active node of the Renstra tree, its indicators' targets, realisations empty.
  {
    const lalu = new Map<string, { pagu?: number; target: Map<string, number> }>();
    const progLalu = ambil((d) => d.program);
    for (const n of progLalu?.nilai.node ?? []) {
      const t = new Map<string, number>();
      for (const v of n.indikator ?? []) if (typeof v.target === 'number') t.set(v.id, v.target);
      lalu.set(n.kode, { ...(typeof n.pagu === 'number' ? { pagu: n.pagu } : {}), target: t });
    }
    const l = [
      kepala(loaded, 'program-tahun'),
      `# Program/kegiatan/sub kegiatan ${tahun}, ${dibuat}. Target indikator = target Renstra ${tahun}`,
      '# (renstra/program.yaml); realisasi per triwulan kosong (null) sampai dilaporkan. Pagu APBD (murni) ditulis',
      '# di sub kegiatan; program dan kegiatan = jumlah anaknya (dihitung).',
      `tahun: ${tahun}`,
      'node:',
    ];
    for (const { node, tingkat } of pohon(ds)) {
      if (node.aktif === false) continue;
      l.push(`  - kode: ${s(node.kode)}`);
      const nl = lalu.get(node.kode);
      if (tingkat === 'sub_kegiatan') {
        // Not a TODO line: the empty pagu itself is listed by belumDiisi while it stays empty.
        l.push(`    # pagu: APBD ${tahun} belum diisi${nl?.pagu !== undefined ? ` (pagu ${progLalu?.tahun}: ${rupiah(nl.pagu)})` : ''}`);
        l.push('    realisasi_rp_triwulan: [null, null, null, null]');
      }
      if (node.indikator.length === 0) continue;
      l.push('    indikator:');
      for (const id of node.indikator) {
        const r = targetRenstra(indikator.get(id), tahun);
        const tl = nl?.target.get(id);
        const nilai: Record<string, unknown> = { id };
        let catatan = '';
        if (r !== undefined) nilai.target = r;
        else if (tl !== undefined) {
          nilai.target = tl;
          catatan = ` # TODO: Renstra tidak memuat target ${tahun}; ini target ${progLalu?.tahun}`;
        } else catatan = ` # TODO: target ${tahun}`;
        if (tingkat === 'program') nilai.realisasi = null;
        nilai.realisasi_triwulan = [null, null, null, null];
        l.push(`      - ${peta(nilai)}${catatan}`);
      }
    }
    berkas.push({ relPath: 'program.yaml', isi: `${l.join('\n')}\n` });
  }

  // konteks.yaml: the year only; last year's tables as a commented example.
  {
    const lalu = ambil((d) => d.konteks);
    const l = [kepala(loaded, 'konteks'), `# Tabel konteks Bab I ${tahun}, ${dibuat}. Bagian yang tidak diisi tidak dicetak.`, `tahun: ${tahun}`];
    if (lalu) {
      const { tahun: _t, ...isi } = lalu.nilai;
      void _t;
      if (Object.keys(isi).length > 0) {
        l.push('', `# TODO: isi nilai ${tahun}. Bentuknya (nilai ${lalu.tahun}, hapus tanda # lalu ganti angkanya):`);
        l.push(...(await blok(isi, 0)).split('\n').map((x) => `# ${x}`));
      }
    } else l.push(`# TODO: ketenagakerjaan, pns_golongan, sarana_prasarana (lihat data/README.md)`);
    berkas.push({ relPath: 'konteks.yaml', isi: `${l.join('\n')}\n` });
  }

  // lkjip.yaml: document meta (published the next year), organisation copied, the rest to fill.
  {
    const lalu = ambil((d) => d.lkjip);
    const dok = lalu?.nilai.dokumen;
    const l = [
      kepala(loaded, 'lkjip'),
      `# Data khusus LKJIP ${tahun} (terbit ${tahun + 1}), ${dibuat}.`,
      `tahun: ${tahun}`,
      '',
      'dokumen:',
      `  judul: ${s(dok?.judul ?? 'Laporan Kinerja Instansi Pemerintah')}`,
      `  singkatan: ${s(dok?.singkatan ?? 'LKJIP')}`,
    ];
    if (dok?.tempat) l.push(`  tempat: ${s(dok.tempat)}`);
    l.push(`  tanggal: "${tahun + 1}-02" # TODO: tanggal terbit LKJIP ${tahun}`);
    l.push('  # penandatangan: bawaan kepala di opd.yaml');
    if (lalu?.nilai.struktur_organisasi) {
      l.push('', `# TODO: periksa struktur organisasi (disalin dari ${lalu.tahun}).`, 'struktur_organisasi:');
      l.push(await blok(lalu.nilai.struktur_organisasi, 2));
    }
    l.push('', `# TODO: pembanding (Tabel 3.1.3.c) dan reviu (Bab IV 4.2) ${tahun}; bentuknya di data/README.md dan di lkjip.yaml ${lalu?.tahun ?? 'tahun lalu'}.`);
    if (lalu?.nilai.sumber_data) {
      l.push('', `# TODO: periksa baris sumber data (disalin dari ${lalu.tahun}, tahunnya diganti ${tahun}).`, 'sumber_data:');
      l.push(await blok(gantiTahunDalam(lalu.nilai.sumber_data, lalu.tahun, tahun), 2));
    }
    berkas.push({ relPath: 'lkjip.yaml', isi: `${l.join('\n')}\n` });
  }

  // renja.yaml: required meta and the policy alignment (rarely changes); forms to fill.
  {
    const lalu = ambil((d) => d.renja);
    const r = lalu?.nilai;
    const l = [kepala(loaded, 'renja'), `# Bagian khusus Renja ${tahun}, ${dibuat}. Angka E.81 dan TC-29 dibentuk dari program.yaml.`, `tahun: ${tahun}`];
    if (r?.perubahan !== undefined) l.push(`perubahan: ${r.perubahan}`);
    l.push('dokumen:', `  tanggal: "${tahun}-08" # TODO: tanggal dokumen Renja ${tahun}`);
    l.push(`triwulan_evaluasi: ${r?.triwulan_evaluasi ?? 2} # TODO: triwulan terakhir yang dievaluasi E.81`);
    if (r?.kebijakan) {
      l.push('', `# TODO: periksa keselarasan kebijakan (disalin dari ${lalu?.tahun}).`, 'kebijakan:');
      l.push(await blok(r.kebijakan, 2));
    }
    l.push(
      '',
      `# TODO: e81, tc30, isu, tc31, usulan_masyarakat, matriks, penutup, sumber_data ${tahun}; bentuknya di data/README.md` +
        (lalu ? ` dan di renja.yaml ${lalu.tahun}.` : '.'),
    );
    berkas.push({ relPath: 'renja.yaml', isi: `${l.join('\n')}\n` });
  }

  // Narrative: last year's as a draft, marked on its first line.
  for (const dokumen of DOKUMEN_NARASI) {
    const lalu = ambil((d) => (Object.keys(d.narasi[dokumen] ?? {}).length > 0 ? d.narasi[dokumen] : undefined));
    for (const [nama, teks] of Object.entries(lalu?.nilai ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      berkas.push({ relPath: `narasi/${dokumen}/${nama}.md`, isi: `${PENANDA_NARASI(tahun)} (draf dari narasi ${lalu?.tahun})\n\n${teks}` });
      // The pictures the draft names inside last year's folder come along, so its references hold.
      if (lalu) berkas.push(...gambarIkut(loaded, lalu.tahun, `narasi/${dokumen}/${nama}.md`, teks, berkas));
    }
  }
  return dari === undefined ? { berkas } : { berkas, dari };
}
