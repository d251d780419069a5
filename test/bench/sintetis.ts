/**
 * Synthetic data for the benchmark: a copy of a data folder whose budget tree and key indicators
 * are replicated `kali` times, so that validate/calc run on ~`kali` times the data of a real agency
 * and still validate.
 *
 * What is replicated, copy k (1 .. kali-1; copy 0 is the original, untouched):
 * - every program of renstra/program.yaml with its kegiatan and sub kegiatan, under a new bidang
 *   urusan code (2.07.01 -> 2.11.01 for k = 1, 2.12.01 for k = 2, ...; a bidang number already in
 *   the data is skipped), so codes stay unique and parents still sum their children;
 * - the indicators of those nodes (I-2.07.01 -> I-2.11.01), the IKU / kinerja lainnya indicators and
 *   the sasaran (IKU-1 -> IKU-1.1, SS-1 -> SS-1.1), which then name the copied programs;
 * - every list item of the year files that refers to one of these by `kode`, `id`, `indikator` or
 *   `program` (program.yaml nodes, LRA rows, PK targets and budgets, kinerja values, the Renja
 *   sections keyed by kode, TC-30 rows, comparators of lkjip.yaml), with its references renamed.
 * Tujuan, indikator tujuan, context tables and narratives are copied as they are.
 *
 *   node dist/test/bench/sintetis.js <tujuan> [kali]      (default kali 50, source: the bundled data/)
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import yaml from 'js-yaml';

export interface InfoSintetis {
  kali: number;
  berkas: number;
  /** Bytes of the YAML files read and written. */
  byteSumber: number;
  byteHasil: number;
  rasio: number;
  program: number;
  indikator: number;
  barisLra: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The package root (where package.json is), from test/bench/ or from dist/test/bench/. */
function cariAkar(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const AKAR = cariAkar();

/** Renames of one copy: node codes and ids (indicators, sasaran). */
interface Peta {
  kode: Map<string, string>;
  id: Map<string, string>;
}

/** "IKU-1" -> "IKU-1.3", "I-2.07.01-2" -> "I-2.07.01.3-2": still matches the schemas' id patterns. */
export function sisipSalinan(id: string, k: number): string {
  const m = /^([A-Za-z]+-\d[\d.]*?)((?:-\d+)?)$/.exec(id);
  return m ? `${m[1]}.${k}${m[2]}` : `${id}.${k}`;
}

interface Pohon {
  /** Every node code of the Renstra tree. */
  kode: string[];
  /** Bidang urusan prefix ("2.07") of every program. */
  bidang: string[];
  /** Indicator ids of tree nodes, with the node that names them. */
  indikatorNode: Map<string, string>;
}

function bacaPohon(program: unknown): Pohon {
  const kode: string[] = [];
  const bidang = new Set<string>();
  const indikatorNode = new Map<string, string>();
  const jalan = (n: unknown): void => {
    if (!isObj(n) || typeof n.kode !== 'string') return;
    kode.push(n.kode);
    for (const id of Array.isArray(n.indikator) ? n.indikator : []) if (typeof id === 'string') indikatorNode.set(id, n.kode);
    for (const anak of [...(Array.isArray(n.kegiatan) ? n.kegiatan : []), ...(Array.isArray(n.sub_kegiatan) ? n.sub_kegiatan : [])]) jalan(anak);
  };
  for (const p of isObj(program) && Array.isArray(program.program) ? program.program : []) {
    jalan(p);
    if (isObj(p) && typeof p.kode === 'string') bidang.add(p.kode.split('.').slice(0, 2).join('.'));
  }
  return { kode, bidang: [...bidang], indikatorNode };
}

/**
 * The renames of copies 1 .. kali-1. New bidang numbers start at 11 and skip every bidang code the
 * data already uses (so a data set with 2.23 and 2.24 never collides with its own copies).
 */
function buatPeta(pohon: Pohon, strategis: unknown, kali: number): { peta: Peta[]; bidangBaru: Map<string, string>[] } {
  const dipakai = new Set(pohon.bidang);
  let nomor = 10;
  const baru = (lama: string): string => {
    const [urusan = lama] = lama.split('.');
    let b: string;
    do b = `${urusan}.${++nomor}`;
    while (dipakai.has(b));
    dipakai.add(b);
    return b;
  };
  const idStrategis: string[] = [];
  if (isObj(strategis)) {
    for (const i of Array.isArray(strategis.indikator) ? strategis.indikator : []) {
      // Goal-level indicators stay single: copies of a sasaran still serve the same tujuan.
      if (isObj(i) && typeof i.id === 'string' && i.jenis !== 'tujuan') idStrategis.push(i.id);
    }
    for (const s of Array.isArray(strategis.sasaran) ? strategis.sasaran : []) if (isObj(s) && typeof s.id === 'string') idStrategis.push(s.id);
  }
  const kodeUrut = [...pohon.kode].sort((a, b) => b.length - a.length);
  const peta: Peta[] = [];
  const bidangBaru: Map<string, string>[] = [];
  for (let k = 1; k < kali; k++) {
    const bid = new Map(pohon.bidang.map((b) => [b, baru(b)]));
    const kode = new Map<string, string>();
    for (const kd of pohon.kode) {
      const b = kd.split('.').slice(0, 2).join('.');
      kode.set(kd, (bid.get(b) ?? b) + kd.slice(b.length));
    }
    const id = new Map<string, string>();
    for (const ind of pohon.indikatorNode.keys()) {
      const dalam = kodeUrut.find((kd) => ind.includes(kd));
      id.set(ind, dalam ? ind.replace(dalam, kode.get(dalam) ?? dalam) : sisipSalinan(ind, k));
    }
    for (const s of idStrategis) id.set(s, sisipSalinan(s, k));
    peta.push({ kode, id });
    bidangBaru.push(bid);
  }
  return { peta, bidangBaru };
}

/** A deep copy with every code and id of `p` renamed (exact string matches only). */
function salin(v: unknown, p: Peta): unknown {
  if (typeof v === 'string') return p.kode.get(v) ?? p.id.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => salin(x, p));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, salin(x, p)]));
  return v;
}

/** Whether a list item stands for a replicated node or indicator (so the item is replicated). */
function direplikasi(x: unknown, p: Peta): boolean {
  if (!isObj(x)) return false;
  for (const kunci of ['kode', 'id', 'indikator', 'program']) {
    const v = x[kunci];
    if (typeof v === 'string' && (p.kode.has(v) || p.id.has(v))) return true;
  }
  return false;
}

/**
 * Walks a parsed file: in every list, the items that refer to a replicated thing get their copies
 * appended after the whole list (copy 1's items, then copy 2's, ...), keeping the tree order of
 * each copy; items that do not are searched further down.
 */
function replikasi(v: unknown, peta: Peta[]): unknown {
  if (Array.isArray(v)) {
    const contoh = peta[0];
    if (contoh && v.some((x) => direplikasi(x, contoh))) {
      const asli = v.map((x) => (direplikasi(x, contoh) ? x : replikasi(x, peta)));
      const salinan = peta.flatMap((p) => v.filter((x) => direplikasi(x, p)).map((x) => salin(x, p)));
      return [...asli, ...salinan];
    }
    return v.map((x) => replikasi(x, peta));
  }
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replikasi(x, peta)]));
  return v;
}

async function daftarBerkas(dir: string, dasar = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await daftarBerkas(abs, dasar)));
    else if (e.isFile()) out.push(path.relative(dasar, abs));
  }
  return out.sort();
}

const POLA_SKEMA = /^#\s*yaml-language-server:\s*\$schema=(\S+)/;

/**
 * Writes to `tujuan` (emptied first) a copy of the data folder `sumber` with its budget tree and
 * key indicators replicated `kali` times (see the file comment). Returns sizes and counts.
 */
export async function buatDataSintetis(sumber = 'data', kali = 50, tujuan: string): Promise<InfoSintetis> {
  if (!Number.isInteger(kali) || kali < 1) throw new Error(`kali harus bilangan bulat >= 1, bukan ${kali}`);
  const muat = async (rel: string): Promise<unknown> => yaml.load(await readFile(path.join(sumber, rel), 'utf8'));
  const renstraProgram = await muat('renstra/program.yaml');
  const pohon = bacaPohon(renstraProgram);
  const { peta, bidangBaru } = buatPeta(pohon, await muat('renstra/strategis.yaml'), kali);
  const skemaDir = path.join(AKAR, 'schemas');

  await rm(tujuan, { recursive: true, force: true });
  const berkas = await daftarBerkas(sumber);
  let byteSumber = 0;
  let byteHasil = 0;
  let barisLra = 0;
  let indikator = 0;
  let program = 0;
  for (const rel of berkas) {
    const dari = path.join(sumber, rel);
    const ke = path.join(tujuan, rel);
    await mkdir(path.dirname(ke), { recursive: true });
    if (!rel.endsWith('.yaml')) {
      await copyFile(dari, ke);
      continue;
    }
    const teks = await readFile(dari, 'utf8');
    byteSumber += Buffer.byteLength(teks);
    const relPosix = rel.split(path.sep).join('/');
    let nilai = replikasi(yaml.load(teks), peta);
    if (relPosix === 'renstra/program.yaml' && isObj(nilai)) {
      // One urusan row per new bidang, named after the bidang it copies.
      const urusan = Array.isArray(nilai.urusan) ? nilai.urusan : [];
      const nama = new Map(urusan.filter(isObj).map((u) => [u.kode, u.nama]));
      const tambahan = bidangBaru.flatMap((m, i) =>
        [...m].filter(([lama]) => nama.has(lama)).map(([lama, kode]) => ({ kode, nama: `${String(nama.get(lama))} (salinan ${i + 1})` })),
      );
      program = Array.isArray(nilai.program) ? nilai.program.length : 0;
      indikator += Array.isArray(nilai.indikator) ? nilai.indikator.length : 0;
      nilai = { ...nilai, urusan: [...urusan, ...tambahan] };
    }
    if (relPosix === 'renstra/strategis.yaml' && isObj(nilai) && Array.isArray(nilai.indikator)) indikator += nilai.indikator.length;
    if (relPosix.endsWith('/lra.yaml') && isObj(nilai) && Array.isArray(nilai.baris)) barisLra += nilai.baris.length;
    // Keep the editor's schema line, pointing at this package's schemas/ from the new place.
    const kepala = POLA_SKEMA.exec(teks);
    const header = kepala
      ? `# yaml-language-server: $schema=${path.relative(path.dirname(ke), path.join(skemaDir, path.basename(kepala[1] ?? ''))).split(path.sep).join('/')}\n`
      : '';
    const keluar = `${header}# Data sintetis (x${kali}) dari ${rel}: dibuat oleh test/bench/sintetis.ts, jangan disunting.\n${yaml.dump(nilai, { lineWidth: -1, noRefs: true, flowLevel: 4 })}`;
    byteHasil += Buffer.byteLength(keluar);
    await writeFile(ke, keluar);
  }
  return {
    kali,
    berkas: berkas.length,
    byteSumber,
    byteHasil,
    rasio: Number((byteHasil / Math.max(1, byteSumber)).toFixed(1)),
    program,
    indikator,
    barisLra,
  };
}

// `node dist/test/bench/sintetis.js <tujuan> [kali]`
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [tujuan, kaliTeks] = process.argv.slice(2);
  if (!tujuan) {
    console.error('Pemakaian: node dist/test/bench/sintetis.js <folder-tujuan> [kali=50]');
    process.exitCode = 2;
  } else {
    const kali = kaliTeks === undefined ? 50 : Number(kaliTeks);
    const t0 = performance.now();
    const info = await buatDataSintetis(path.join(AKAR, 'data'), kali, tujuan);
    console.log(`${tujuan}: ${JSON.stringify(info)}, ${(info.byteHasil / 1e6).toFixed(1)} MB YAML in ${(performance.now() - t0).toFixed(0)} ms`);
  }
}
