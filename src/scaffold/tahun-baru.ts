/**
 * A new year folder from the Renstra and the nearest other year (`lkjip init <tahun>`), so the
 * planning office begins from a valid skeleton instead of copying last year's files by hand.
 *
 * What is carried and what is left empty follows the ground rule "only base values in data":
 * - targets the Renstra states for the year are written as they are;
 * - a value that is only a guess (last year's budget, last year's target where the Renstra has
 *   none, dates, texts that may have changed) is written with a `# TODO:` comment beside it;
 * - realisations are `null`, never 0 (0 would be a realisation);
 * - the context table keeps its rows with empty values; other context tables and LKJIP/Renja-only
 *   sections are left out, with last year's shape as a comment;
 * - the narrative is copied as a draft with `> TODO: perbarui untuk tahun <tahun>` on top;
 * - lra.yaml is not made: the LRA only exists after the year closes, so the year stays history-only
 *   (LKJ401) until it is added.
 * Nothing existing is ever touched: a year folder that exists (and is not empty) is refused, and
 * the new folder is written beside it first and renamed into place whole.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bacaGambar, cariGambarMarkdown, jalurGambar } from '../load/gambar.js';
import { loadData, type Loaded } from '../load/index.js';
import { BERKAS_TAHUN, DOKUMEN_NARASI, type JenisBerkas } from '../load/kinds.js';
import { validate } from '../validate/index.js';
import { periksaTahun, type HasilPeriksa } from '../validate/periksa.js';
import { belumDiisi, pohon, PENANDA_NARASI, PENANDA_REFERENSI, type BelumDiisi } from '../validate/belum-diisi.js';
import type { Diagnostic } from '../diagnostics.js';
import type { DataSet, DataTahun, Indikator, RenstraStrategis } from '../model/types.js';
import { barisSkemaBaru } from './skema.js';
import { bolehDibuat, GagalTulis, tulisFolderBaru, type BerkasBaru } from './tulis-folder.js';

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

/** Why a year was not created; `kode` decides the exit code. */
export type PenolakanInit =
  | { ditolak: 'ada' | 'periode'; pesan: string }
  | { ditolak: 'data'; pesan: string; diagnostik: Diagnostic[]; loaded: Loaded }
  | { ditolak: 'tulis'; pesan: string };

/**
 * Creates `<dataDir>/<tahun>/` and checks the result. `tampil` turns an absolute path into how the
 * caller shows paths. Returns the check of the new year, or why nothing was created.
 */
export async function buatTahunBaru(
  dataDir: string,
  tahun: number,
  tampil: (p: string) => string,
): Promise<{ hasil: HasilInit; cek: HasilPeriksa } | PenolakanInit> {
  const folder = path.join(dataDir, String(tahun));
  if (!bolehDibuat(folder)) {
    return {
      ditolak: 'ada',
      pesan:
        `${tampil(folder)}/ sudah ada; \`lkjip init\` tidak pernah menimpa data. ` +
        `Untuk memulai ulang, pindahkan atau hapus folder itu sendiri dulu.`,
    };
  }
  const loaded = await loadData(dataDir);
  const diagnostikDasar = validate(loaded).filter((d) => d.severity === 'error');
  if (diagnostikDasar.length > 0 || !loaded.dataSet) {
    return {
      ditolak: 'data',
      pesan: `data di ${tampil(dataDir)}/ punya kesalahan (${diagnostikDasar.length} kesalahan); perbaiki dulu, lalu ulangi \`lkjip init ${tahun}\`.`,
      diagnostik: diagnostikDasar,
      loaded,
    };
  }
  const ds = loaded.dataSet;
  const { awal, akhir } = ds.strategis.periode;
  if (tahun < awal || tahun > akhir) {
    return {
      ditolak: 'periode',
      pesan:
        `tahun ${tahun} di luar periode Renstra ${awal}-${akhir} (renstra/strategis.yaml). ` +
        `Tahun baru dapat dibuat untuk ${awal} sampai ${akhir}; untuk periode Renstra baru, perbarui renstra/ dulu.`,
    };
  }
  const berkas = await susunTahunBaru(ds, loaded, tahun);
  try {
    await tulisFolderBaru(folder, berkas.berkas, `init-${tahun}`);
  } catch (e) {
    if (!(e instanceof GagalTulis)) throw e;
    return { ditolak: 'tulis', pesan: `tidak dapat membuat ${tampil(folder)}/ (${e.kode}): ${e.message}. Tidak ada yang diubah.` };
  }
  const periksa = async (): Promise<HasilPeriksa> => periksaTahun(await loadData(dataDir), tahun);
  let cek = await periksa();
  if ((await nonaktifkanReferensiKosong(cek.diagnostics, folder)) > 0) cek = await periksa();
  const hasil: HasilInit = {
    tahun,
    ok: cek.ok,
    folder: tampil(folder),
    dibuat: berkas.berkas.map((b) => tampil(path.join(folder, b.relPath))),
    belum_diisi: belumDiisi(cek.loaded, tahun),
    diagnostik: cek.diagnostics.filter((d) => d.severity !== 'info'),
  };
  if (berkas.dari !== undefined) hasil.dari = berkas.dari;
  return { hasil, cek };
}

/**
 * A copied narrative may name data the new year does not have yet (`{{data "konteks.…"}}` while
 * konteks.yaml is still a skeleton), which the narrative check rejects (LKJ310). Such references
 * in the drafts just written are turned into Handlebars comments, `{{!-- TODO: {{data "…"}} --}}`,
 * so the year validates; once the data is filled in, removing the comment wrapper restores them.
 * Only files under the new year's narasi/ are touched (all created by this run).
 */
async function nonaktifkanReferensiKosong(diagnostik: readonly Diagnostic[], folder: string): Promise<number> {
  const narasi = path.join(folder, 'narasi') + path.sep;
  const perBerkas = new Map<string, { line: number; column: number }[]>();
  for (const d of diagnostik) {
    if (d.code !== 'LKJ310' || !d.file || !d.line || !d.column || !d.message.startsWith('Data `')) continue;
    // Diagnostics name files relative to the process's working directory.
    const abs = path.resolve(d.file);
    const f = abs.startsWith(narasi) ? abs : undefined;
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

// ---------------------------------------------------------------------------------------------
// The new year's files

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

/** The `$schema` comment line of a new file of the year, resolvable from it (see `barisSkemaBaru`). */
const namaBerkasTahun = (jenis: JenisBerkas): string => Object.entries(BERKAS_TAHUN).find(([, j]) => j === jenis)?.[0] ?? jenis;

function kepala(loaded: Loaded, jenis: JenisBerkas, tahun: number): string {
  return barisSkemaBaru(loaded.dir, `${tahun}/${namaBerkasTahun(jenis)}.yaml`, jenis, loaded.files.values());
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
      kepala(loaded, 'pk', tahun),
      `# Perjanjian Kinerja ${tahun}, ${dibuat} dari target Renstra${pkLalu ? ` dan PK ${pkLalu.tahun}` : ''}.`,
      '# Isi `papbd` (bentuknya sama dengan `apbd`) bila ada Perjanjian Kinerja Perubahan.',
      `tahun: ${tahun}`,
    ];
    if (pkLalu?.nilai.sumber_data) l.push(`sumber_data: ${s(gantiTahun(pkLalu.nilai.sumber_data, pkLalu.tahun, tahun))}`);
    const target: string[] = [];
    const tanpaTarget: string[] = [];
    for (const id of ids) {
      const r = targetRenstra(indikator.get(id), tahun);
      if (r !== undefined) target.push(`    - ${peta({ indikator: id, target: r })}`);
      else if (targetLalu.has(id)) {
        target.push(`    - ${peta({ indikator: id, target: targetLalu.get(id) })} # TODO: Renstra tidak memuat target ${tahun}; ini target PK ${pkLalu?.tahun}`);
      } else tanpaTarget.push(id);
    }
    if (target.length === 0) {
      // No target known at all (a folder fresh from `lkjip baru`): an empty `target:` would be an
      // error, so the PK stays a commented shape to fill, as `lkjip baru` writes it.
      l.push(
        `# TODO: Perjanjian Kinerja APBD ${tahun}: target ${tanpaTarget.join(', ') || 'setiap IKU dan indikator kinerja lainnya'} (tidak ada di Renstra maupun PK sebelumnya) dan anggaran per program:`,
        '# apbd:',
        '#   target:',
        ...(tanpaTarget.length > 0 ? tanpaTarget : ['IKU-1']).map((id) => `#     - { indikator: ${id}, target: <angka> }`),
        '#   anggaran:',
        '#     - { program: "<kode>", anggaran: <rupiah>, keterangan: APBD }',
      );
      berkas.push({ relPath: 'pk.yaml', isi: `${l.join('\n')}\n` });
    } else {
      l.push('', 'apbd:', `  # TODO: tempat, tanggal ("${tahun}-01-15") dan penanda tangan (pihak_pertama, pihak_kedua) PK ${tahun}, bila dicetak.`, '  target:', ...target);
      if (tanpaTarget.length > 0) l.push(`    # TODO: target ${tanpaTarget.join(', ')} (tidak ada di Renstra maupun PK sebelumnya)`);
      if (anggaranLalu && anggaranLalu.nilai.length > 0) {
        l.push('  anggaran:', `    # TODO: anggaran program PK ${anggaranLalu.tahun} sebagai titik awal; ganti dengan anggaran APBD ${tahun}.`);
        for (const a of anggaranLalu.nilai) l.push(`    - ${peta({ program: a.program, anggaran: a.anggaran, keterangan: 'APBD' })}`);
      } else l.push(`  # TODO: anggaran per program APBD ${tahun}: anggaran: [{ program: "<kode>", anggaran: <rupiah>, keterangan: APBD }]`);
      berkas.push({ relPath: 'pk.yaml', isi: `${l.join('\n')}\n` });
    }
  }

  // kinerja.yaml: every tujuan / IKU / kinerja lainnya indicator, realisation empty.
  {
    const lalu = ambil((d) => d.kinerja);
    const l = [
      kepala(loaded, 'kinerja', tahun),
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
      kepala(loaded, 'program-tahun', tahun),
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

  // konteks.yaml: the context table's rows carried with their values emptied (the rows are the
  // agency's, the values the year's); the other tables as last year's commented example.
  {
    const lalu = ambil((d) => d.konteks);
    const l = [kepala(loaded, 'konteks', tahun), `# Tabel konteks Bab I ${tahun}, ${dibuat}. Bagian yang tidak diisi tidak dicetak.`, `tahun: ${tahun}`];
    if (lalu) {
      const { tahun: _t, kondisi, ...lain } = lalu.nilai;
      void _t;
      if (kondisi) {
        const baris = kondisi.baris.map((b) => (b.nilai !== undefined ? { ...b, nilai: null } : b));
        l.push('', `# TODO: isi \`nilai\` ${tahun} setiap baris tabel kondisi (baris dan rumusnya disalin dari ${lalu.tahun}).`);
        const kepalaTabel = gantiTahunDalam({ ...(kondisi.judul ? { judul: kondisi.judul } : {}), ...(kondisi.sumber_data ? { sumber_data: kondisi.sumber_data } : {}) }, lalu.tahun, tahun);
        l.push('kondisi:', await blok(kepalaTabel, 2), '  baris:');
        // One row per line, as the hand-written files have them.
        const { stringify } = await import('yaml');
        for (const b of baris) l.push(`    - ${stringify(b, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd()}`);
      }
      if (Object.keys(lain).length > 0) {
        l.push('', `# TODO: isi nilai ${tahun}. Bentuknya (nilai ${lalu.tahun}, hapus tanda # lalu ganti angkanya):`);
        l.push(...(await blok(lain, 0)).split('\n').map((x) => `# ${x}`));
      }
    } else l.push(`# TODO: kondisi (Tabel 1.1), pns_golongan, sarana_prasarana (lihat data/README.md)`);
    berkas.push({ relPath: 'konteks.yaml', isi: `${l.join('\n')}\n` });
  }

  // lkjip.yaml: document meta (published the next year), organisation copied, the rest to fill.
  {
    const lalu = ambil((d) => d.lkjip);
    const dok = lalu?.nilai.dokumen;
    const l = [
      kepala(loaded, 'lkjip', tahun),
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
    const l = [kepala(loaded, 'renja', tahun), `# Bagian khusus Renja ${tahun}, ${dibuat}. Angka E.81 dan TC-29 dibentuk dari program.yaml.`, `tahun: ${tahun}`];
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
