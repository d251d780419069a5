/**
 * `lkjip doctor` (`lkjip periksa-sistem`): what this machine has and lacks for lkjip, said the way a
 * planning officer or the IT staff can act on it. Split in two: what building the documents needs
 * (Node.js of the `engines` range, a Chrome/Edge/Chromium that really starts and prints, the
 * package's fonts, templates and schemas, a writable temp folder) and what only the developers'
 * tests use (poppler's `pdftotext`, LibreOffice's `soffice`), which never makes the check fail.
 *
 * Nothing is written anywhere but one small file in the temp folder (removed), and the browser's
 * own temporary profile (removed with it). The browser check is bounded in time.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOKUMEN } from '../build/dokumen.js';
import { bacaOsRelease, openBrowser, type BrowserSession } from '../export/browser.js';
import { cariBrowser, lokasiBrowser, saranPasang, type SumberBrowser } from '../export/cari-browser.js';
import { EXPORT_ERROR_TITLES, isExportError, type ExportErrorCode } from '../export/export-error.js';
import { BERKAS_DASAR, BERKAS_TAHUN, namaSkema } from '../load/kinds.js';
import { berkasHuruf, fontFaceCss, fontPackageDir, fontStack, projectRoot, templatesDir } from '../render/assets.js';
import { cariFolderSkema, muatSkema } from '../validate/schema.js';

/** `ada`: present and working; `kurang`: missing or broken; `dilewati`: not checked (it needs something missing). */
export type StatusPeriksa = 'ada' | 'kurang' | 'dilewati';

export interface Temuan {
  id: 'node' | 'browser' | 'cetak' | 'huruf' | 'templat' | 'skema' | 'temp' | 'pdftotext' | 'soffice';
  /** Short name: "Node.js", "Browser". */
  judul: string;
  /** Needed to build documents (else only for the developers' tests). */
  perlu: boolean;
  status: StatusPeriksa;
  /** What was found, or what is wrong, in one sentence. */
  rincian: string;
  /** Stable code of what is missing (environment catalog, src/export/export-error.ts). */
  kode?: ExportErrorCode;
  /** How to get it on this platform. */
  saran?: string;
  /** Where it was found (a path). */
  lokasi?: string;
}

export interface HasilPeriksaSistem {
  /** true when everything needed is there. */
  ok: boolean;
  versi: string;
  /** Folder of the lkjip package that runs (a checkout, node_modules/lkjip, a global prefix). */
  folderPaket: string;
  platform: NodeJS.Platform;
  arch: string;
  node: { versi: string; jalur: string };
  temuan: Temuan[];
}

export interface OpsiPeriksaSistem {
  /** `--browser <path>`. */
  browser?: string;
  /** Environment to read LKJIP_BROWSER, PUPPETEER_EXECUTABLE_PATH and PATH from. */
  env: Readonly<Record<string, string | undefined>>;
  /** Limit for starting the browser and printing the test page; default 30 s. */
  timeoutMs?: number;
  /** Temp folder to check (and to put the browser's profile in); default the system's. */
  tempDir?: string;
}

export const BATAS_UJI_CETAK_MS = 30_000;

/** Reads `engines.node` of a form `>=20.11` and says whether `versi` satisfies it (undefined: form not understood). */
export function memenuhiEngines(versi: string, engines: string): boolean | undefined {
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(engines);
  const v = /^v?(\d+)\.(\d+)\.(\d+)/.exec(versi);
  if (!m || !v) return undefined;
  const perlu = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  const ada = [Number(v[1]), Number(v[2]), Number(v[3])];
  for (let i = 0; i < 3; i++) if ((ada[i] as number) !== (perlu[i] as number)) return (ada[i] as number) > (perlu[i] as number);
  return true;
}

/** How to get a current Node.js on this platform. */
export function saranNode(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'Pasang Node.js LTS: `winget install -e --id OpenJS.NodeJS.LTS` (atau penginstal dari nodejs.org), lalu buka PowerShell baru.';
  if (platform === 'darwin') return 'Pasang Node.js LTS: `brew install node@22` atau penginstal dari nodejs.org.';
  return 'Pasang Node.js LTS (22 atau 24) dari nodejs.org, dari paket distribusi (NodeSource) atau dengan nvm (`nvm install --lts`).';
}

/** Where an optional developer tool is usually installed outside the PATH. */
function lokasiAlatUji(nama: 'pdftotext' | 'soffice', platform: NodeJS.Platform, env: OpsiPeriksaSistem['env']): string[] {
  if (nama === 'soffice' && platform === 'win32') {
    const w = path.win32;
    return [env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'].map((d) => w.join(d, 'LibreOffice', 'program', 'soffice.exe'));
  }
  if (nama === 'soffice' && platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return [];
}

/** An executable by name on the PATH (with the Windows extensions), else in its usual places. */
export function cariProgram(
  nama: 'pdftotext' | 'soffice',
  platform: NodeJS.Platform,
  env: OpsiPeriksaSistem['env'],
  ada: (file: string) => boolean = berkasAda,
): string | undefined {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const folder = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter((d) => d !== '' && p.isAbsolute(d));
  const ekstensi = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const d of folder) for (const e of ekstensi) if (ada(p.join(d, nama + e.toLowerCase()))) return p.join(d, nama + e.toLowerCase());
  return lokasiAlatUji(nama, platform, env).find((f) => ada(f));
}

function berkasAda(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** How to install a developer test tool on this platform (and Linux distribution). */
export function saranAlatUji(nama: 'pdftotext' | 'soffice', platform: NodeJS.Platform, osRelease?: string): string {
  if (platform === 'win32') {
    return nama === 'soffice' ? '`winget install -e --id TheDocumentFoundation.LibreOffice`' : 'poppler untuk Windows, mis. `scoop install poppler`';
  }
  if (platform === 'darwin') return nama === 'soffice' ? '`brew install --cask libreoffice`' : '`brew install poppler`';
  const id = ` ${/^ID=(.*)$/m.exec(osRelease ?? '')?.[1] ?? ''} ${/^ID_LIKE=(.*)$/m.exec(osRelease ?? '')?.[1] ?? ''} `.replace(/"/g, '');
  if (/ (fedora|rhel|centos) /.test(id)) return nama === 'soffice' ? '`sudo dnf install libreoffice-calc`' : '`sudo dnf install poppler-utils`';
  return nama === 'soffice' ? '`sudo apt-get install libreoffice-calc-nogui`' : '`sudo apt-get install poppler-utils`';
}

const SUMBER: Record<SumberBrowser, string> = {
  '--browser': 'ditunjuk opsi --browser',
  LKJIP_BROWSER: 'ditunjuk variabel LKJIP_BROWSER',
  PUPPETEER_EXECUTABLE_PATH: 'ditunjuk variabel PUPPETEER_EXECUTABLE_PATH',
  sistem: 'ditemukan di tempat biasa',
};

function periksaNode(versi: string, engines: string | undefined, platform: NodeJS.Platform): Temuan {
  const dasar = { id: 'node', judul: 'Node.js', perlu: true } as const;
  if (!engines) return { ...dasar, status: 'ada', rincian: `versi ${versi}` };
  const cukup = memenuhiEngines(versi, engines);
  if (cukup === false) {
    return { ...dasar, status: 'kurang', kode: 'LKJ540', rincian: `versi ${versi}, lkjip butuh ${engines}`, saran: saranNode(platform) };
  }
  return { ...dasar, status: 'ada', rincian: cukup ? `versi ${versi} (dibutuhkan ${engines})` : `versi ${versi} (lkjip meminta ${engines})` };
}

function periksaHuruf(): Temuan {
  const dasar = { id: 'huruf', judul: 'Huruf Arimo', perlu: true } as const;
  const saran = 'pasang ulang lkjip (`npm install -g lkjip` atau berkas .tgz-nya): huruf ikut sebagai dependensi @fontsource/arimo.';
  let dir: string;
  try {
    dir = fontPackageDir();
  } catch {
    return { ...dasar, status: 'kurang', kode: 'LKJ541', rincian: 'paket @fontsource/arimo tidak terpasang', saran };
  }
  const berkas = berkasHuruf(dir);
  const hilang = berkas.filter((f) => !berkasAda(f));
  if (hilang.length > 0) {
    return { ...dasar, status: 'kurang', kode: 'LKJ541', lokasi: dir, rincian: `${hilang.length} dari ${berkas.length} berkas tidak ada (mis. ${path.basename(hilang[0] as string)})`, saran };
  }
  return { ...dasar, status: 'ada', lokasi: path.join(dir, 'files'), rincian: `${berkas.length} berkas` };
}

function periksaTemplat(): Temuan {
  const dasar = { id: 'templat', judul: 'Templat dokumen', perlu: true } as const;
  const saran = 'pasang ulang lkjip; folder templates/ ikut dalam paketnya.';
  const dir = templatesDir();
  // One folder per document of the registry, plus the shared CSS.
  const folder = [...DOKUMEN.map((d) => d.id), 'umum'];
  let jumlah = 0;
  const hilang: string[] = [];
  for (const f of folder) {
    try {
      const isi = readdirSync(path.join(dir, f), { recursive: true }).filter((n) => /\.(hbs|css)$/.test(String(n)));
      if (isi.length === 0) hilang.push(f);
      jumlah += isi.length;
    } catch {
      hilang.push(f);
    }
  }
  if (hilang.length > 0) return { ...dasar, status: 'kurang', kode: 'LKJ542', lokasi: dir, rincian: `tidak ada atau kosong: ${hilang.map((h) => `${h}/`).join(', ')}`, saran };
  return { ...dasar, status: 'ada', lokasi: dir, rincian: `${jumlah} berkas (${folder.join(', ')})` };
}

function periksaSkema(): Temuan {
  const dasar = { id: 'skema', judul: 'JSON Schema', perlu: true } as const;
  const saran = 'pasang ulang lkjip; folder schemas/ ikut dalam paketnya.';
  const dir = cariFolderSkema();
  const skema = muatSkema(dir);
  const dibutuhkan = [...new Set([...BERKAS_DASAR.map((b) => b.jenis), ...Object.values(BERKAS_TAHUN)].map(namaSkema))];
  const hilang = dibutuhkan.filter((n) => !skema.ids.has(n));
  const rusak = [...skema.galat.keys()].filter((k) => k !== '*');
  if (hilang.length > 0 || rusak.length > 0 || skema.galat.has('*')) {
    const masalah = [...(hilang.length ? [`tidak ada: ${hilang.join(', ')}`] : []), ...(rusak.length ? [`rusak: ${rusak.join(', ')}`] : [])];
    return { ...dasar, status: 'kurang', kode: 'LKJ543', lokasi: dir, rincian: masalah.join('; ') || (skema.galat.get('*') ?? 'folder tidak terbaca'), saran };
  }
  return {
    ...dasar,
    status: 'ada',
    lokasi: dir,
    rincian: `${skema.ids.size} skema${skema.terkompilasi ? ', validator sudah dikompilasi' : ', validator dikompilasi saat dijalankan (lebih lambat; `npm run build` membuatnya)'}`,
  };
}

async function periksaTemp(dir: string): Promise<Temuan> {
  const dasar = { id: 'temp', judul: 'Folder sementara', perlu: true, lokasi: dir } as const;
  let folder: string | undefined;
  try {
    folder = await mkdtemp(path.join(dir, 'lkjip-periksa-'));
    await writeFile(path.join(folder, 'uji.txt'), 'lkjip');
    return { ...dasar, status: 'ada', rincian: 'dapat ditulisi' };
  } catch (e) {
    return {
      ...dasar,
      status: 'kurang',
      kode: 'LKJ544',
      rincian: `tidak dapat ditulisi (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      saran: 'arahkan variabel TMPDIR (Linux/macOS) atau TEMP (Windows) ke folder yang dapat ditulisi.',
    };
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Finds the browser as `build` does, and says from where. */
function periksaBrowser(opsi: OpsiPeriksaSistem, osRelease: string | undefined): { temuan: Temuan; jalur?: string } {
  const dasar = { id: 'browser', judul: 'Browser', perlu: true } as const;
  const h = cariBrowser(opsi.browser, { platform: process.platform, env: opsi.env, exists: existsSync, osRelease });
  if (h.ok) {
    const biasa = lokasiBrowser(process.platform, opsi.env).includes(h.path);
    const dari = h.sumber === 'sistem' && !biasa ? 'ditemukan di PATH' : SUMBER[h.sumber];
    return { temuan: { ...dasar, status: 'ada', lokasi: h.path, rincian: `${h.path} (${dari})` }, jalur: h.path };
  }
  if (h.sumber !== 'sistem') {
    return {
      temuan: { ...dasar, status: 'kurang', kode: 'LKJ501', rincian: `yang ${SUMBER[h.sumber]} tidak ada: ${h.path}`, saran: `perbaiki atau hapus ${h.sumber}. ${h.saran}` },
    };
  }
  return {
    temuan: {
      ...dasar,
      status: 'kurang',
      kode: 'LKJ501',
      rincian: `tidak ada Chrome, Edge atau Chromium di tempat biasa${process.platform === 'win32' ? '' : ' maupun di PATH'} (${h.dicari.length} tempat dicari)`,
      saran: saranPasang(process.platform, osRelease),
    },
  };
}

/** Starts the browser as a build does and prints a one-page PDF with the documents' font, within the limit. */
async function ujiCetak(jalur: string, opsi: OpsiPeriksaSistem, hurufAda: boolean): Promise<Temuan> {
  const dasar = { id: 'cetak', judul: 'Uji cetak', perlu: true } as const;
  const batas = opsi.timeoutMs ?? BATAS_UJI_CETAK_MS;
  const mulai = performance.now();
  let sesi: BrowserSession | undefined;
  try {
    sesi = await openBrowser({ executablePath: jalur, env: opsi.env, timeoutMs: batas, ...(opsi.tempDir ? { tempDir: opsi.tempDir } : {}) });
    const halaman = await sesi.newPage();
    const teks = 'lkjip: uji cetak 1.234.567,89';
    const gaya = hurufAda ? `${fontFaceCss({ teks })}\nbody { font-family: ${fontStack}; }` : '';
    await halaman.load(`<!doctype html><html lang="id"><head><meta charset="utf-8"><style>${gaya}</style></head><body><p>${teks}</p></body></html>`, pathToFileURL(templatesDir()).href, batas);
    const pdf = await halaman.guard(halaman.page.pdf({ format: 'A4', printBackground: true }), batas, 'mencetak PDF uji');
    const versi = await halaman.guard(halaman.page.browser().version(), batas, 'membaca versi browser');
    await halaman.close();
    if (Buffer.from(pdf).subarray(0, 5).toString('latin1') !== '%PDF-') {
      return { ...dasar, status: 'kurang', kode: 'LKJ501', rincian: 'browser berjalan tetapi hasil cetaknya bukan PDF', saran: 'coba browser lain dengan --browser atau LKJIP_BROWSER.' };
    }
    const detik = ((performance.now() - mulai) / 1000).toFixed(1).replace('.', ',');
    return { ...dasar, status: 'ada', rincian: `${versi} berjalan dan mencetak PDF uji (${Math.round(pdf.length / 1024)} KB) dalam ${detik} detik` };
  } catch (e) {
    if (!isExportError(e)) throw e;
    return { ...dasar, status: 'kurang', kode: e.code, rincian: e.message, saran: e.hint };
  } finally {
    await sesi?.close();
  }
}

function periksaAlatUji(nama: 'pdftotext' | 'soffice', env: OpsiPeriksaSistem['env'], osRelease: string | undefined): Temuan {
  const judul = nama === 'pdftotext' ? 'pdftotext (poppler)' : 'soffice (LibreOffice)';
  const jalur = cariProgram(nama, process.platform, env);
  if (jalur) return { id: nama, judul, perlu: false, status: 'ada', lokasi: jalur, rincian: jalur };
  return { id: nama, judul, perlu: false, status: 'kurang', rincian: 'tidak ditemukan', saran: `pasang bila menjalankan uji: ${saranAlatUji(nama, process.platform, osRelease)}` };
}

/** Runs every check. Never throws for a missing thing: each is a finding. */
export async function periksaSistem(opsi: OpsiPeriksaSistem): Promise<HasilPeriksaSistem> {
  const akar = projectRoot();
  const pkg = JSON.parse(readFileSync(path.join(akar, 'package.json'), 'utf8')) as { version: string; engines?: { node?: string } };
  const osRelease = bacaOsRelease();
  const temuan: Temuan[] = [periksaNode(process.versions.node, pkg.engines?.node, process.platform)];
  const browser = periksaBrowser(opsi, osRelease);
  const huruf = periksaHuruf();
  const temp = await periksaTemp(opsi.tempDir ?? tmpdir());
  temuan.push(browser.temuan);
  if (browser.jalur && temp.status === 'ada') temuan.push(await ujiCetak(browser.jalur, opsi, huruf.status === 'ada'));
  else {
    const sebab = browser.jalur ? 'folder sementara tidak dapat ditulisi' : 'belum ada browser';
    temuan.push({ id: 'cetak', judul: 'Uji cetak', perlu: true, status: 'dilewati', rincian: `dilewati: ${sebab}` });
  }
  temuan.push(huruf, periksaTemplat(), periksaSkema(), temp);
  temuan.push(periksaAlatUji('pdftotext', opsi.env, osRelease), periksaAlatUji('soffice', opsi.env, osRelease));
  return {
    ok: temuan.every((t) => !t.perlu || t.status === 'ada'),
    versi: pkg.version,
    folderPaket: akar,
    platform: process.platform,
    arch: process.arch,
    node: { versi: process.versions.node, jalur: process.execPath },
    temuan,
  };
}

/** The title of a finding's code, for the printed report. */
export const judulKode = (kode: ExportErrorCode): string => EXPORT_ERROR_TITLES[kode];
