/**
 * lkjip as a planning officer gets it: `npm pack`, the tarball installed into an empty prefix
 * (`npm install -g --prefix`, as `npm install -g ./lkjip-<v>.tgz` does) and into an empty project
 * (run with `npx`), then used from an unrelated empty folder: --version, baru, validate, build (HTML,
 * PDF, XLSX), init, doctor. The installed package folder must be byte for byte the same afterwards
 * (nothing writes inside the install: no caches, no build steps at run time).
 *
 * The tarball is packed from this checkout's dist/ with `--ignore-scripts`: `npm test` has just
 * built it, and the real `prepack` (clean dist/, build) must not pull dist/ away from under the
 * other test files running at the same time. Dependencies come from the npm registry through the
 * local npm cache (`--prefer-offline`), the only network this needs.
 * Takes about 10 to 20 s per install on a warm cache (figures printed by the test).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  private?: boolean;
  engines?: { node?: string };
  scripts?: Record<string, string>;
  files?: string[];
};
const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-paket-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const windows = process.platform === 'win32';
const npm = windows ? 'npm.cmd' : 'npm';

/**
 * The environment a user's shell would have: no npm_* variables of the `npm test` that runs us
 * (they would steer the child npm), no node_modules/.bin of this checkout on the PATH (the lkjip
 * that runs must be the installed one), a temp folder of our own.
 */
function lingkungan(tambahPath: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !/^(PATH|Path|INIT_CWD)$/.test(k)) env[k] = v;
  const sistem = windows ? [] : ['/usr/local/bin', '/usr/bin', '/bin'];
  env.PATH = [...tambahPath, path.dirname(process.execPath), ...sistem].join(path.delimiter);
  env.TMPDIR = path.join(tmp, 'temp');
  env.TEMP = env.TMPDIR;
  mkdirSync(env.TMPDIR, { recursive: true });
  return env;
}

function jalankan(perintah: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, batasMs = 180_000): SpawnSyncReturns<string> {
  return spawnSync(perintah, args, { cwd, env, encoding: 'utf8', timeout: batasMs, shell: windows && /\.cmd$/i.test(perintah) });
}

const gagal = (r: SpawnSyncReturns<string>): string => `kode ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`;

/** Every file under `dir` (links as their target text), as a list of "path sha256", for before/after. */
function sidikFolder(dir: string): string[] {
  const out: string[] = [];
  const jelajah = (d: string): void => {
    for (const nama of readdirSync(d).sort()) {
      const f = path.join(d, nama);
      const st = lstatSync(f);
      const rel = path.relative(dir, f);
      if (st.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(f)}`);
      else if (st.isDirectory()) jelajah(f);
      else out.push(`${rel} ${st.mode.toString(8)} ${createHash('sha256').update(readFileSync(f)).digest('hex')}`);
    }
  };
  jelajah(dir);
  return out;
}

interface HasilPack {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

let paket: HasilPack;
let tgz: string;

beforeAll(() => {
  for (const bin of Object.values(pkg.bin)) {
    if (!existsSync(path.join(root, bin))) throw new Error(`${bin} belum dibangun: jalankan \`npm run build\` (npm test melakukannya)`);
  }
  const tujuan = path.join(tmp, 'pack');
  mkdirSync(tujuan);
  const r = jalankan(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tujuan], root, lingkungan());
  if (r.status !== 0) throw new Error(`npm pack gagal: ${gagal(r)}`);
  paket = (JSON.parse(r.stdout) as HasilPack[])[0] as HasilPack;
  tgz = path.join(tujuan, paket.filename);
  console.log(
    `paket ${paket.filename}: ${paket.entryCount} berkas, ${Math.round(paket.size / 1024)} KB terkemas, ${Math.round(paket.unpackedSize / 1024)} KB terurai`,
  );
});

describe('the tarball (npm pack)', () => {
  it('holds what runs and its documentation: dist/, templates/, schemas/, README, LICENSE, CHANGELOG, the data format guide', () => {
    const isi = paket.files.map((f) => f.path).sort();
    const boleh = [
      /^package\.json$/,
      /^README\.md$/,
      /^LICENSE$/,
      /^CHANGELOG\.md$/,
      /^data\/README\.md$/,
      /^templates\/.+/,
      /^schemas\/[a-z-]+\.schema\.json$/,
      /^dist\/.+\.(js|cjs|mjs|json)$/,
    ];
    expect(isi.filter((f) => !boleh.some((p) => p.test(f)))).toEqual([]);
    for (const wajib of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'data/README.md', ...Object.values(pkg.bin)]) expect(isi).toContain(wajib);
    // Every template and schema of the checkout (the package finds them beside its package.json).
    const semua = (d: string): string[] =>
      readdirSync(path.join(root, d), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    for (const f of [...semua('templates'), ...semua('schemas')]) expect(isi).toContain(f);
  });

  it('holds no tests, fixtures, sources, source maps, bundled agency data or developer files', () => {
    const isi = paket.files.map((f) => f.path);
    const dilarang = isi.filter(
      (f) =>
        /(^|\/)(test|tests|fixtures|__tests__|bench)\//.test(f) ||
        /\.(test|spec)\.[cm]?[jt]s$/.test(f) ||
        /\.map$/.test(f) ||
        /(^|\/)[^/]+\.ts$/.test(f) ||
        /^(src|scripts|data\/(?!README\.md$)|out|\.ci|\.github)\b/.test(f) ||
        /^(tsconfig\.json|CONTRIBUTING\.md|package-lock\.json|\.gitignore)$/.test(f),
    );
    expect(dilarang).toEqual([]);
  });

  it('is small (stated in the test output) and its package.json runs no script when installed', () => {
    // About 1.45 MB: the bundle (dist/lkjip.cjs and dist/vendor/, minified whitespace) is most of it;
    // dist/src/ (tsc's modules for the tests) is not shipped.
    expect(paket.size).toBeLessThan(2_000_000);
    expect(paket.entryCount).toBeLessThan(400);
    // An install script (or `prepare`, which npm >= 11.16 lists as one for a local .tgz and asks the
    // user to allow) would run, or warn, on every user's machine: the build happens at `npm pack`.
    expect(Object.keys(pkg.scripts ?? {}).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([]);
    expect(pkg.scripts?.prepack).toMatch(/npm run build/);
    expect(pkg.private).toBeUndefined();
    expect(pkg.engines?.node).toBe('>=20.11');
  });
});

describe('installed from the tarball', () => {
  it('npm install -g into an empty prefix; from an unrelated empty folder: --version, baru, validate, build (HTML, PDF, XLSX), init, doctor; the package folder unchanged', { timeout: 420_000 }, () => {
    const prefix = path.join(tmp, 'prefix');
    const mulai = Date.now();
    const pasang = jalankan(npm, ['install', '-g', '--prefix', prefix, tgz, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], tmp, lingkungan(), 300_000);
    expect(pasang.status, gagal(pasang)).toBe(0);
    const detikPasang = (Date.now() - mulai) / 1000;
    const binDir = windows ? prefix : path.join(prefix, 'bin');
    const folderPaket = windows ? path.join(prefix, 'node_modules', pkg.name) : path.join(prefix, 'lib', 'node_modules', pkg.name);
    const lkjip = path.join(binDir, windows ? 'lkjip.cmd' : 'lkjip');
    expect(existsSync(lkjip)).toBe(true);
    const sebelum = sidikFolder(folderPaket);

    const kerja = path.join(tmp, 'kerja');
    mkdirSync(kerja);
    const env = lingkungan([binDir]);
    const l = (...args: string[]): SpawnSyncReturns<string> => jalankan(lkjip, args, kerja, env);

    const versi = l('--version');
    expect(versi.status, gagal(versi)).toBe(0);
    expect(versi.stdout.trim()).toBe(pkg.version);

    const baru = l('baru', 'dinas', '--nama', 'Dinas Perpustakaan', '--pemda', 'Kota Contoh', '--renstra', '2025-2029', '--tahun', '2025');
    expect(baru.status, gagal(baru)).toBe(0);
    // The schema copy is the package's, and the guide named is the installed one.
    for (const f of readdirSync(path.join(root, 'schemas'))) {
      expect(readFileSync(path.join(kerja, 'dinas/skema', f), 'utf8')).toBe(readFileSync(path.join(folderPaket, 'schemas', f), 'utf8'));
    }
    expect(readFileSync(path.join(kerja, 'dinas/2025/kinerja.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../skema/kinerja.schema.json');
    expect(baru.stderr).toContain(`Panduan format data: ${path.join(folderPaket, 'data', 'README.md')}`);

    const validasi = l('validate', '2025', '--data', 'dinas');
    expect(validasi.status, gagal(validasi)).toBe(0);
    expect(validasi.stderr + validasi.stdout).not.toMatch(/LKJ40[34]|LKJ900/);

    const build = l('build', '2025', '--data', 'dinas', '--out', 'keluaran');
    expect(build.status, gagal(build)).toBe(0);
    for (const dok of ['lkjip', 'renja']) {
      const pdf = readFileSync(path.join(kerja, `keluaran/2025/${dok}-2025.pdf`));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
      const html = readFileSync(path.join(kerja, `keluaran/2025/${dok}-2025.html`), 'utf8');
      expect(html).toMatch(/@font-face[^}]*font-family: 'Arimo'/);
      expect(html).not.toContain(prefix); // self-contained: no path of the install
      expect(readFileSync(path.join(kerja, `keluaran/2025/${dok}-2025.xlsx`)).subarray(0, 2).toString('latin1')).toBe('PK');
    }

    const init = l('init', '2026', '--data', 'dinas');
    expect(init.status, gagal(init)).toBe(0);
    expect(readFileSync(path.join(kerja, 'dinas/2026/pk.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../skema/pk.schema.json');

    const doctor = l('doctor');
    expect(doctor.status, gagal(doctor)).toBe(0);
    expect(doctor.stdout).toContain(`lkjip ${pkg.version} di ${folderPaket}`);
    expect(doctor.stdout).toMatch(new RegExp(`\\[ada\\] +Templat dokumen: .*\\n +di ${folderPaket.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`));
    const tanpa = l('periksa-sistem', '--browser', path.join(tmp, 'tidak-ada', 'chrome'));
    expect(tanpa.status, gagal(tanpa)).toBe(3);
    expect(tanpa.stdout).toMatch(/\[KURANG\] Browser: yang ditunjuk opsi --browser tidak ada/);

    expect(sidikFolder(folderPaket)).toEqual(sebelum);
    console.log(`npm install -g dari .tgz: ${detikPasang.toFixed(1)} s; pemakaian sesudahnya: ${((Date.now() - mulai) / 1000 - detikPasang).toFixed(1)} s`);
  });

  it('npm install into an empty project, run with npx', { timeout: 360_000 }, () => {
    const proyek = path.join(tmp, 'proyek');
    mkdirSync(proyek);
    writeFileSync(path.join(proyek, 'package.json'), '{ "name": "kantor", "private": true }\n');
    const mulai = Date.now();
    const env = lingkungan();
    const pasang = jalankan(npm, ['install', tgz, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], proyek, env, 300_000);
    expect(pasang.status, gagal(pasang)).toBe(0);
    const npx = windows ? 'npx.cmd' : 'npx';
    const folderPaket = path.join(proyek, 'node_modules', pkg.name);
    const sebelum = sidikFolder(folderPaket);
    const versi = jalankan(npx, ['lkjip', '--version'], proyek, env);
    expect(versi.status, gagal(versi)).toBe(0);
    expect(versi.stdout.trim()).toBe(pkg.version);
    const baru = jalankan(npx, ['lkjip', 'baru', 'data', '--nama', 'Badan Kepegawaian', '--pemda', 'Kabupaten Contoh', '--tahun', '2026', '--renstra', '2026-2030'], proyek, env);
    expect(baru.status, gagal(baru)).toBe(0);
    const validasi = jalankan(npx, ['lkjip', 'validate', '2026'], proyek, env);
    expect(validasi.status, gagal(validasi)).toBe(0);
    expect(sidikFolder(folderPaket)).toEqual(sebelum);
    console.log(`npm install <tgz> di proyek kosong + npx: ${((Date.now() - mulai) / 1000).toFixed(1)} s`);
  });
});
