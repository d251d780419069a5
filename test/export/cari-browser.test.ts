/**
 * Browser discovery per platform, as a pure function of (platform, env, exists): the CI here is
 * Linux, the officers' machines are mostly Windows, some macOS.
 */
import { describe, expect, it } from 'vitest';
import { cariBrowser, lokasiBrowser, saranPasang, type LingkunganBrowser } from '../../src/export/cari-browser.js';

const WIN_ENV = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\budi\\AppData\\Local',
};

function dunia(platform: NodeJS.Platform, ada: string[], env: Record<string, string | undefined> = {}, osRelease?: string): LingkunganBrowser {
  const l: LingkunganBrowser = { platform, env, exists: (f) => ada.includes(f) };
  if (osRelease !== undefined) l.osRelease = osRelease;
  return l;
}

describe('cariBrowser', () => {
  it.each([
    ['win32: Chrome per machine', 'win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], WIN_ENV],
    ['win32: Chrome per user (LOCALAPPDATA)', 'win32', ['C:\\Users\\budi\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], WIN_ENV],
    ['win32: only Edge, where Windows puts it', 'win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], WIN_ENV],
    ['win32: Edge without the environment variables (defaults)', 'win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], {}],
    ['darwin: Chrome', 'darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], {}],
    ['darwin: Edge', 'darwin', ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], {}],
    ['darwin: Chromium in ~/Applications', 'darwin', ['/Users/budi/Applications/Chromium.app/Contents/MacOS/Chromium'], { HOME: '/Users/budi' }],
    ['linux: Debian chromium', 'linux', ['/usr/bin/chromium'], {}],
    ['linux: Ubuntu snap', 'linux', ['/snap/bin/chromium'], {}],
    ['linux: Google Chrome from the .deb', 'linux', ['/opt/google/chrome/chrome'], {}],
    ['linux: Edge', 'linux', ['/usr/bin/microsoft-edge-stable'], {}],
    ['linux: on the PATH only (NixOS, Homebrew)', 'linux', ['/run/current-system/sw/bin/chromium'], { PATH: '/run/current-system/sw/bin:/usr/bin' }],
  ] as const)('%s', (_nama, platform, ada, env) => {
    expect(cariBrowser(undefined, dunia(platform, [...ada], env))).toEqual({ ok: true, path: ada[0], sumber: 'sistem' });
  });

  it('prefers Chrome over Edge on Windows, and /usr/bin/chromium first on Linux', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(cariBrowser(undefined, dunia('win32', [edge, chrome], WIN_ENV))).toMatchObject({ path: chrome });
    expect(cariBrowser(undefined, dunia('linux', ['/opt/google/chrome/chrome', '/usr/bin/chromium']))).toMatchObject({ path: '/usr/bin/chromium' });
  });

  it('--browser, then LKJIP_BROWSER, then PUPPETEER_EXECUTABLE_PATH, before the usual places', () => {
    const semua = ['/a/chrome', '/b/chrome', '/c/chrome', '/usr/bin/chromium'];
    const env = { LKJIP_BROWSER: '/b/chrome', PUPPETEER_EXECUTABLE_PATH: '/c/chrome' };
    expect(cariBrowser('/a/chrome', dunia('linux', semua, env))).toEqual({ ok: true, path: '/a/chrome', sumber: '--browser' });
    expect(cariBrowser(undefined, dunia('linux', semua, env))).toEqual({ ok: true, path: '/b/chrome', sumber: 'LKJIP_BROWSER' });
    expect(cariBrowser(undefined, dunia('linux', semua, { PUPPETEER_EXECUTABLE_PATH: '/c/chrome' }))).toMatchObject({ sumber: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(cariBrowser('', dunia('linux', semua, { LKJIP_BROWSER: ' ' }))).toMatchObject({ path: '/usr/bin/chromium', sumber: 'sistem' });
  });

  it('a browser named but missing is an error naming where it was named, not a silent fallback', () => {
    const r = cariBrowser(undefined, dunia('linux', ['/usr/bin/chromium'], { LKJIP_BROWSER: '/tidak/ada' }));
    expect(r).toMatchObject({ ok: false, sumber: 'LKJIP_BROWSER', path: '/tidak/ada' });
  });

  it('accepts a macOS app bundle for the executable inside it', () => {
    const exe = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(cariBrowser('/Applications/Microsoft Edge.app', dunia('darwin', [exe]))).toEqual({ ok: true, path: exe, sumber: '--browser' });
  });

  it('lists where it looked when nothing is found', () => {
    const r = cariBrowser(undefined, dunia('win32', [], WIN_ENV));
    expect(r.ok).toBe(false);
    if (r.ok || r.sumber !== 'sistem') throw new Error('tidak diharapkan');
    expect(r.dicari).toContain('C:\\Users\\budi\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(r.dicari).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(r.saran).toMatch(/winget install -e --id Google\.Chrome/);
  });

  it('builds Windows paths with backslashes and macOS paths with slashes, whatever the host', () => {
    expect(lokasiBrowser('win32', WIN_ENV).every((p) => /^[A-Z]:\\[^/]*$/.test(p))).toBe(true);
    expect(lokasiBrowser('darwin', {}).every((p) => p.startsWith('/') && !p.includes('\\'))).toBe(true);
  });
});

describe('saranPasang', () => {
  it.each([
    ['win32', undefined, /winget install -e --id Microsoft\.Edge/],
    ['darwin', undefined, /brew install --cask google-chrome/],
    ['linux', 'ID=debian\nVERSION_ID="12"\n', /sudo apt-get install chromium/],
    ['linux', 'ID=ubuntu\nID_LIKE=debian\n', /sudo snap install chromium/],
    ['linux', 'ID=fedora\n', /sudo dnf install chromium/],
    ['linux', 'ID="rocky"\nID_LIKE="rhel centos fedora"\n', /sudo dnf install chromium/],
    ['linux', undefined, /Debian: `sudo apt-get install chromium`; Ubuntu: `sudo snap install chromium`; Fedora: `sudo dnf install chromium`/],
  ] as const)('%s %j', (platform, osRelease, pesan) => {
    const s = saranPasang(platform, osRelease);
    expect(s).toMatch(pesan);
    expect(s).toMatch(/LKJIP_BROWSER/);
    expect(s).toMatch(/npx @puppeteer\/browsers install chrome-headless-shell@stable/);
  });
});
