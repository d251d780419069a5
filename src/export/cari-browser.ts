/**
 * Where the browser that prints the PDFs is, on Linux, Windows and macOS: a pure function of the
 * platform, the environment and a file-exists test, so that every platform's rules are unit-tested
 * on the Linux CI. Planning officers mostly work on Windows, where Microsoft Edge is always there
 * and Google Chrome often is; any Chromium-based browser prints the same documents.
 *
 * Order: `--browser <path>`, then LKJIP_BROWSER, then PUPPETEER_EXECUTABLE_PATH (kept for existing
 * setups), then the usual install locations of the platform, then (Linux, macOS) the PATH.
 */
import path from 'node:path';

export interface LingkunganBrowser {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  exists(file: string): boolean;
  /** Text of /etc/os-release (Linux), for the install hint of the distribution. */
  osRelease?: string;
}

export type SumberBrowser = '--browser' | 'LKJIP_BROWSER' | 'PUPPETEER_EXECUTABLE_PATH' | 'sistem';

export type HasilCariBrowser =
  | { ok: true; path: string; sumber: SumberBrowser }
  /** A browser named explicitly (option or variable) that is not there. */
  | { ok: false; sumber: Exclude<SumberBrowser, 'sistem'>; path: string; saran: string }
  /** Nothing named and nothing found in the usual places. */
  | { ok: false; sumber: 'sistem'; dicari: string[]; saran: string };

/** Executable names on the PATH, most specific first. */
const NAMA_DI_PATH = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'microsoft-edge-stable', 'microsoft-edge'];

/** The usual install locations of Chrome, Edge and Chromium on a platform, in the order tried. */
export function lokasiBrowser(platform: NodeJS.Platform, env: LingkunganBrowser['env']): string[] {
  if (platform === 'win32') {
    const w = path.win32;
    const programFiles = env.ProgramFiles ?? env.PROGRAMFILES ?? 'C:\\Program Files';
    const programFilesX86 = env['ProgramFiles(x86)'] ?? env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)';
    const localAppData = env.LOCALAPPDATA ?? (env.USERPROFILE ? w.join(env.USERPROFILE, 'AppData', 'Local') : undefined);
    const dasar = [programFiles, programFilesX86, localAppData].filter((d): d is string => d !== undefined && d !== '');
    const di = (...bagian: string[]): string[] => dasar.map((d) => w.join(d, ...bagian));
    return unik([
      ...di('Google', 'Chrome', 'Application', 'chrome.exe'),
      ...di('Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ...di('Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    const p = path.posix;
    const aplikasi = ['/Applications', ...(env.HOME ? [p.join(env.HOME, 'Applications')] : [])];
    const app = (nama: string): string[] => aplikasi.map((a) => p.join(a, `${nama}.app`, 'Contents', 'MacOS', nama));
    return [...app('Google Chrome'), ...app('Chromium'), ...app('Microsoft Edge')];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
  ];
}

/** Browser executables on the PATH (Linux and macOS; on Windows browsers are not put on the PATH). */
function diPath(platform: NodeJS.Platform, env: LingkunganBrowser['env']): string[] {
  if (platform === 'win32') return [];
  const folder = (env.PATH ?? '').split(':').filter((d) => d !== '' && path.posix.isAbsolute(d));
  return folder.flatMap((d) => NAMA_DI_PATH.map((n) => path.posix.join(d, n)));
}

/** A macOS app bundle named instead of its executable: `/Applications/Google Chrome.app`. */
function dalamBundel(platform: NodeJS.Platform, file: string): string {
  if (platform !== 'darwin' || !/\.app\/?$/.test(file)) return file;
  const bundel = file.replace(/\/$/, '');
  return path.posix.join(bundel, 'Contents', 'MacOS', path.posix.basename(bundel, '.app'));
}

export function cariBrowser(diminta: string | undefined, l: LingkunganBrowser): HasilCariBrowser {
  const eksplisit: [Exclude<SumberBrowser, 'sistem'>, string | undefined][] = [
    ['--browser', diminta],
    ['LKJIP_BROWSER', l.env.LKJIP_BROWSER],
    ['PUPPETEER_EXECUTABLE_PATH', l.env.PUPPETEER_EXECUTABLE_PATH],
  ];
  for (const [sumber, nilai] of eksplisit) {
    if (nilai === undefined || nilai.trim() === '') continue;
    const file = dalamBundel(l.platform, nilai.trim());
    if (l.exists(file)) return { ok: true, path: file, sumber };
    return { ok: false, sumber, path: nilai, saran: saranPasang(l.platform, l.osRelease) };
  }
  const dicari = unik([...lokasiBrowser(l.platform, l.env), ...diPath(l.platform, l.env)]);
  const ada = dicari.find((f) => l.exists(f));
  if (ada !== undefined) return { ok: true, path: ada, sumber: 'sistem' };
  return { ok: false, sumber: 'sistem', dicari, saran: saranPasang(l.platform, l.osRelease) };
}

/** How to get a browser on this platform (and distribution), in Indonesian. */
export function saranPasang(platform: NodeJS.Platform, osRelease?: string): string {
  const unduhSendiri =
    'Tanpa hak admin, dengan internet: `npx @puppeteer/browsers install chrome-headless-shell@stable`, ' +
    'lalu isi LKJIP_BROWSER dengan jalur yang dicetaknya.';
  const tunjuk = (contoh: string): string => `atau tunjuk browser yang sudah ada dengan \`--browser ${contoh}\` atau variabel LKJIP_BROWSER. `;
  if (platform === 'win32') {
    return (
      'Microsoft Edge biasanya sudah ada di Windows 10/11; bila tidak, pasang Google Chrome ' +
      '(`winget install -e --id Google.Chrome`) atau Edge (`winget install -e --id Microsoft.Edge`), ' +
      tunjuk('"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"') +
      unduhSendiri
    );
  }
  if (platform === 'darwin') {
    return (
      'Pasang Google Chrome (`brew install --cask google-chrome`, atau unduh dari situs Google) atau Microsoft Edge, ' +
      tunjuk('"/Applications/Google Chrome.app"') +
      unduhSendiri
    );
  }
  const id = ` ${/^ID=(.*)$/m.exec(osRelease ?? '')?.[1] ?? ''} ${/^ID_LIKE=(.*)$/m.exec(osRelease ?? '')?.[1] ?? ''} `.replace(/"/g, '');
  let pasang: string;
  if (/ ubuntu /.test(id)) pasang = 'Pasang Chromium (`sudo snap install chromium`) atau Google Chrome (paket .deb dari Google), ';
  else if (/ (debian|raspbian) /.test(id)) pasang = 'Pasang Chromium (`sudo apt-get install chromium`), ';
  else if (/ (fedora|rhel|centos) /.test(id)) pasang = 'Pasang Chromium (`sudo dnf install chromium`), ';
  else if (/ (arch) /.test(id)) pasang = 'Pasang Chromium (`sudo pacman -S chromium`), ';
  else if (/ (alpine) /.test(id)) pasang = 'Pasang Chromium (`apk add chromium`), ';
  else {
    pasang =
      'Pasang Chromium atau Google Chrome dengan pengelola paket sistem (Debian: `sudo apt-get install chromium`; ' +
      'Ubuntu: `sudo snap install chromium`; Fedora: `sudo dnf install chromium`), ';
  }
  return pasang + tunjuk('/jalur/ke/chrome') + unduhSendiri;
}

function unik(daftar: string[]): string[] {
  return [...new Set(daftar)];
}
