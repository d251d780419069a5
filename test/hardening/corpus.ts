/**
 * The hostile-input corpus: each case turns a fresh copy of the bundled data/ into a broken one
 * (an overlay file from test/fixtures/hostile/<case>/, a change to one bundled file, or a large
 * file generated here so that no megabytes are committed), and says what the CLI must answer.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export const ROOT = path.resolve(__dirname, '../..');
export const BUNDLED = path.join(ROOT, 'data');
const OVERLAYS = path.join(ROOT, 'test/fixtures/hostile');

/** A stack trace line as Node prints it. A user error must never show one. */
export const STACK = /\n\s+at /;

/** Upper bound for one hostile case that needs no browser (they take well under a second). */
export const BATAS_MS = 20_000;

export interface Kasus {
  nama: string;
  /** Changes the copied data folder `data` into the hostile one. */
  siapkan(data: string): void;
  /** The year asked for (default 2024). */
  tahun?: string;
  kode: string;
  pesan: RegExp;
  /** Expected exit code (default 1: the data has errors). */
  exit?: number;
}

const baca = (rel: string): string => readFileSync(path.join(BUNDLED, rel), 'utf8');

function overlay(kasus: string) {
  return (data: string): void => cpSync(path.join(OVERLAYS, kasus), data, { recursive: true });
}

/** Replaces the first match in a bundled file; fails loudly if the bundled data no longer has it. */
function ganti(rel: string, cari: RegExp, dengan: string) {
  return (data: string): void => {
    const asli = baca(rel);
    if (!cari.test(asli)) throw new Error(`korpus usang: ${rel} tidak lagi berisi ${cari}`);
    writeFileSync(path.join(data, rel), asli.replace(cari, dengan));
  };
}

const dalam = (n: number, buka: string, tutup: string, isi = '1'): string => buka.repeat(n) + isi + tutup.repeat(n);

export const KASUS_MASUKAN: Kasus[] = [
  { nama: 'alias bomb (billion laughs)', siapkan: overlay('alias-bomb'), kode: 'LKJ101', pesan: /billion laughs/ },
  { nama: 'alias cycle', siapkan: overlay('alias-cycle'), kode: 'LKJ101', pesan: /melingkar/ },
  { nama: 'tabs as indentation', siapkan: overlay('tab-indent'), kode: 'LKJ101', pesan: /tab dipakai untuk indentasi/ },
  { nama: 'duplicate keys', siapkan: overlay('duplicate-keys'), kode: 'LKJ102', pesan: /Kunci `nama` ditulis dua kali/ },
  { nama: 'a list where the file must be a map', siapkan: overlay('list-for-map'), kode: 'LKJ201', pesan: /berisi daftar \(2 butir\), padahal yang diharapkan peta/ },
  { nama: 'a map where a list belongs', siapkan: overlay('map-for-list'), kode: 'LKJ201', pesan: /`baris` berisi peta .*padahal yang diharapkan daftar/ },
  {
    nama: 'invalid UTF-8 bytes',
    siapkan: (data) => {
      const asli = Buffer.from(baca('2024/kinerja.yaml'), 'utf8');
      const i = asli.indexOf('\ntahun:') + 1;
      writeFileSync(path.join(data, '2024/kinerja.yaml'), Buffer.concat([asli.subarray(0, i), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0xff, 0x0a]), asli.subarray(i)]));
    },
    kode: 'LKJ106',
    pesan: /kinerja\.yaml:\d+:3 error LKJ106[^\n]*\n[^\n]*byte 0xC3/,
  },
  {
    nama: 'UTF-16 file',
    siapkan: (data) => writeFileSync(path.join(data, 'opd.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(baca('opd.yaml'), 'utf16le')])),
    kode: 'LKJ106',
    pesan: /opd\.yaml:1:1 error LKJ106[^\n]*\n[^\n]*byte 0xFF/,
  },
  {
    nama: 'random binary',
    siapkan: (data) => writeFileSync(path.join(data, '2024/pk.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))),
    kode: 'LKJ106',
    pesan: /pk\.yaml:\d+:\d+ error LKJ106/,
  },
  {
    nama: 'a 10 MB file',
    siapkan: (data) => writeFileSync(path.join(data, '2024/konteks.yaml'), baca('2024/konteks.yaml') + '#' + 'x'.repeat(10 * 1024 * 1024) + '\n'),
    kode: 'LKJ107',
    pesan: /berukuran 10,0 MB, melebihi batas 5,0 MB/,
  },
  {
    nama: 'a 4 MB file under the limit with an error at its end',
    siapkan: (data) => {
      const baris = Array.from({ length: 50_000 }, (_, i) => `  - "catatan ${i} ${'isi '.repeat(15)}"`).join('\n');
      writeFileSync(path.join(data, '2024/konteks.yaml'), `${baca('2024/konteks.yaml')}\ncatatan_tambahan:\n${baris}\n`);
    },
    kode: 'LKJ204',
    pesan: /Kolom `catatan_tambahan` tidak dikenal/,
  },
  {
    nama: '5000-deep flow sequence [[[[...]]]]',
    siapkan: (data) => writeFileSync(path.join(data, 'opd.yaml'), `${baca('opd.yaml')}\ncatatan: ${dalam(5000, '[', ']')}\n`),
    kode: 'LKJ108',
    pesan: /bersarang lebih dari 64 tingkat/,
  },
  {
    nama: '5000-deep flow map {a: {a: ...}}',
    siapkan: (data) => writeFileSync(path.join(data, '2024/lra.yaml'), `${baca('2024/lra.yaml')}\ncatatan: ${dalam(5000, '{a: ', '}')}\n`),
    kode: 'LKJ108',
    pesan: /bersarang lebih dari 64 tingkat/,
  },
  {
    nama: '5000-deep compact sequence - - - -',
    siapkan: (data) => writeFileSync(path.join(data, 'opd.yaml'), `${baca('opd.yaml')}\ncatatan:\n${'- '.repeat(5000)}x\n`),
    kode: 'LKJ108',
    pesan: /bersarang lebih dari 64 tingkat/,
  },
  {
    nama: '1000-deep block map (indentation)',
    siapkan: (data) => {
      const teks = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
      writeFileSync(path.join(data, 'opd.yaml'), `${baca('opd.yaml')}\ncatatan:\n ${teks.replace(/\n/g, '\n ')} 1\n`);
    },
    kode: 'LKJ108',
    pesan: /bersarang lebih dari 64 tingkat/,
  },
  {
    nama: 'an anggaran of 1e400',
    siapkan: ganti('2024/lra.yaml', /anggaran: 5259052600/, 'anggaran: 1e400'),
    kode: 'LKJ209',
    pesan: /`baris\[2\.07\.01\]\.anggaran` berisi angka 1e400, terlalu besar/,
  },
  {
    nama: 'an anggaran of 99999999999999999999999',
    siapkan: ganti('2024/lra.yaml', /anggaran: 5259052600/, 'anggaran: 99999999999999999999999'),
    kode: 'LKJ209',
    pesan: /berisi angka 99999999999999999999999, terlalu besar/,
  },
  {
    nama: 'a realisasi of .inf',
    siapkan: ganti('2024/kinerja.yaml', /realisasi: 89\.60/, 'realisasi: .inf'),
    kode: 'LKJ209',
    pesan: /realisasi` berisi angka \.inf, terlalu besar/,
  },
  {
    nama: 'a negative anggaran',
    siapkan: ganti('2024/lra.yaml', /anggaran: 5259052600/, 'anggaran: -5259052600'),
    kode: 'LKJ207',
    pesan: /`baris\[2\.07\.01\]\.anggaran` berisi bilangan bulat -5259052600, padahal nilainya harus paling kecil 0/,
  },
  { nama: 'no opd.yaml', siapkan: (data) => rmSync(path.join(data, 'opd.yaml')), kode: 'LKJ103', pesan: /Berkas wajib `[^`]*opd\.yaml` tidak ada/ },
  {
    nama: 'opd.yaml is a folder',
    siapkan: (data) => {
      rmSync(path.join(data, 'opd.yaml'));
      mkdirSync(path.join(data, 'opd.yaml'));
    },
    kode: 'LKJ103',
    pesan: /Berkas wajib `[^`]*opd\.yaml` tidak ada/,
  },
  { nama: 'no year folder', siapkan: () => undefined, tahun: '2030', kode: 'LKJ402', pesan: /Tahun 2030 belum dapat dibangun/ },
  { nama: 'an empty opd.yaml', siapkan: (data) => writeFileSync(path.join(data, 'opd.yaml'), ''), kode: 'LKJ201', pesan: /berisi tidak ada isinya \(berkas kosong\)/ },
];

/** Whether `mkfifo` exists here (coreutils); the FIFO case needs it. */
export function buatFifo(file: string): boolean {
  rmSync(file, { force: true });
  return spawnSync('mkfifo', [file]).status === 0;
}

/**
 * Fingerprint of a folder: every path with its type, and the bytes of regular files (never opened
 * otherwise: reading a FIFO would block).
 */
export function sidikFolder(dir: string): string {
  const h = createHash('sha256');
  const jalan = (d: string): void => {
    for (const nama of readdirSync(d).sort()) {
      const p = path.join(d, nama);
      const st = lstatSync(p);
      h.update(`${path.relative(dir, p)}\0${st.isFile() ? 'f' : st.isDirectory() ? 'd' : 'x'}\0`);
      if (st.isFile()) h.update(readFileSync(p));
      else if (st.isDirectory()) jalan(p);
    }
  };
  jalan(dir);
  return h.digest('hex');
}

/** A fresh copy of the bundled data at `<tmp>/data`. */
export function segarkanData(tmp: string): string {
  const data = path.join(tmp, 'data');
  rmSync(data, { recursive: true, force: true });
  cpSync(BUNDLED, data, { recursive: true });
  return data;
}

export interface Hasil {
  exit: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI in-process from `cwd`; a throw (a bug) fails the test with its stack. */
export async function jalankan(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Hasil> {
  const io = memoryIo(env, cwd);
  const t0 = performance.now();
  const exit = await run(argv, io);
  return { exit, stdout: io.stdout, stderr: io.stderr, ms: performance.now() - t0 };
}

/** Files and folders in a folder, recursively (relative paths); [] when it does not exist. */
export function isiFolder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
}
