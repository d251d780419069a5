/**
 * `lkjip doctor` / `lkjip periksa-sistem`: says what this machine has and lacks, with the browser
 * really started, and exits 3 only when something needed is missing (never for the developers'
 * test tools).
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { cariProgram, memenuhiEngines, saranAlatUji, type HasilPeriksaSistem } from '../../src/sistem/periksa-sistem.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-doctor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('memenuhiEngines', () => {
  it.each([
    ['20.20.2', '>=20.11', true],
    ['20.11.0', '>=20.11', true],
    ['20.10.9', '>=20.11', false],
    ['18.19.0', '>=20.11', false],
    ['22.0.0', '>=20.11', true],
    ['24.3.1', '>= 20.11.1', true],
    ['20.11.0', '>=20.11.1', false],
    ['20.11.0', '^20 || ^22', undefined],
  ])('Node %s against %s: %s', (versi, engines, harap) => {
    expect(memenuhiEngines(versi, engines)).toBe(harap);
  });
});

describe('cariProgram', () => {
  const ada = (daftar: string[]) => (f: string) => daftar.includes(f);
  it.each<[string, NodeJS.Platform, Record<string, string>, string[], 'pdftotext' | 'soffice', string | undefined]>([
    ['on the PATH (Linux)', 'linux', { PATH: '/x:/usr/bin' }, ['/usr/bin/pdftotext'], 'pdftotext', '/usr/bin/pdftotext'],
    ['not on the PATH, nowhere else (Linux)', 'linux', { PATH: '/x' }, ['/usr/bin/pdftotext'], 'pdftotext', undefined],
    ['relative PATH entries are ignored', 'linux', { PATH: 'bin:/y' }, ['bin/soffice'], 'soffice', undefined],
    ['with a PATHEXT extension (Windows)', 'win32', { PATH: 'C:\\poppler\\bin;C:\\x', PATHEXT: '.COM;.EXE' }, ['C:\\poppler\\bin\\pdftotext.exe'], 'pdftotext', 'C:\\poppler\\bin\\pdftotext.exe'],
    ['LibreOffice in Program Files (Windows)', 'win32', { PATH: '', ProgramFiles: 'C:\\Program Files' }, ['C:\\Program Files\\LibreOffice\\program\\soffice.exe'], 'soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'],
    ['LibreOffice in /Applications (macOS)', 'darwin', { PATH: '/usr/bin' }, ['/Applications/LibreOffice.app/Contents/MacOS/soffice'], 'soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'],
  ])('%s', (_nama, platform, env, berkas, program, harap) => {
    expect(cariProgram(program, platform, env, ada(berkas))).toBe(harap);
  });
});

describe('saranAlatUji', () => {
  it.each<[NodeJS.Platform, string | undefined, 'pdftotext' | 'soffice', RegExp]>([
    ['linux', 'ID=debian\n', 'soffice', /apt-get install libreoffice-calc-nogui/],
    ['linux', 'ID=fedora\n', 'pdftotext', /dnf install poppler-utils/],
    ['darwin', undefined, 'soffice', /brew install --cask libreoffice/],
    ['darwin', undefined, 'pdftotext', /brew install poppler/],
    ['win32', undefined, 'soffice', /winget install -e --id TheDocumentFoundation\.LibreOffice/],
  ])('%s %s %s', (platform, osRelease, alat, harap) => {
    expect(saranAlatUji(alat, platform, osRelease)).toMatch(harap);
  });
});

describe('lkjip doctor', () => {
  it('with the browser of this machine: everything needed present, a test PDF printed, exit 0', async () => {
    // No PATH: the developer tools are then "not found", which must not fail the check.
    const io = memoryIo({});
    expect(await run(['doctor'], io)).toBe(0);
    expect(io.stdout).toMatch(/^lkjip \d+\.\d+\.\d+ di /);
    expect(io.stdout).toMatch(/\[ada\] +Node\.js: versi \d+\.\d+\.\d+ \(dibutuhkan >=20\.11\)/);
    expect(io.stdout).toMatch(/\[ada\] +Browser: \S+ \(ditemukan di tempat biasa\)/);
    expect(io.stdout).toMatch(/\[ada\] +Uji cetak: \S+ berjalan dan mencetak PDF uji \(\d+ KB\) dalam \d+,\d detik/);
    for (const judul of ['Huruf Arimo', 'Templat dokumen', 'JSON Schema', 'Folder sementara']) expect(io.stdout).toMatch(new RegExp(`\\[ada\\] +${judul}: `));
    expect(io.stdout).toMatch(/Hanya untuk uji pengembang[^\n]*\n {2}\[tidak\] +pdftotext \(poppler\): tidak ditemukan\n +Saran: pasang bila menjalankan uji/);
    expect(io.stdout).toMatch(/Semua yang dibutuhkan ada: lkjip siap dipakai/);
    expect(io.stdout).not.toMatch(/\[KURANG\]/);
  });

  it('the browser named by --browser is missing: says so with the install hint, skips the print, exit 3', async () => {
    const io = memoryIo({ PATH: process.env.PATH });
    expect(await run(['doctor', '--browser', '/nope/chrome'], io)).toBe(3);
    expect(io.stdout).toMatch(/\[KURANG\] Browser: yang ditunjuk opsi --browser tidak ada: \/nope\/chrome \(LKJ501 /);
    expect(io.stdout).toMatch(/Saran: perbaiki atau hapus --browser\. /);
    expect(io.stdout).toMatch(/\[lewat\] +Uji cetak: dilewati: belum ada browser/);
    // Everything else is still checked and reported.
    expect(io.stdout).toMatch(/\[ada\] +Huruf Arimo: /);
    expect(io.stdout).toMatch(/1 hal yang dibutuhkan belum ada atau tidak berjalan \(LKJ501\)\. Ikuti sarannya, lalu jalankan `lkjip doctor` lagi\./);
  });

  it('periksa-sistem is the same command; LKJIP_BROWSER pointing nowhere is named as the source', async () => {
    const io = memoryIo({ LKJIP_BROWSER: '/nope' });
    expect(await run(['periksa-sistem'], io)).toBe(3);
    expect(io.stdout).toMatch(/\[KURANG\] Browser: yang ditunjuk variabel LKJIP_BROWSER tidak ada: \/nope/);
    expect(io.stdout).toMatch(/Saran: perbaiki atau hapus LKJIP_BROWSER\./);
  });

  it('a browser that is there but does not start: found, the print check fails within the limit, exit 3', async () => {
    const palsu = path.join(tmp, 'bukan-browser.sh');
    writeFileSync(palsu, '#!/bin/sh\nexit 1\n');
    chmodSync(palsu, 0o755);
    const io = memoryIo({});
    const mulai = Date.now();
    expect(await run(['doctor', '--browser', palsu, '--timeout', '10'], io)).toBe(3);
    expect(Date.now() - mulai).toBeLessThan(20_000);
    expect(io.stdout).toMatch(/\[ada\] +Browser: \S+bukan-browser\.sh \(ditunjuk opsi --browser\)/);
    expect(io.stdout).toMatch(/\[KURANG\] Uji cetak: Chromium \(\S+bukan-browser\.sh\) gagal dijalankan/);
  });

  it('--json gives the findings for scripts', async () => {
    const io = memoryIo({});
    expect(await run(['doctor', '--json', '--browser', '/nope'], io)).toBe(3);
    const h = JSON.parse(io.stdout) as HasilPeriksaSistem;
    expect(h.ok).toBe(false);
    expect(h.temuan.map((t) => [t.id, t.perlu, t.status])).toEqual([
      ['node', true, 'ada'],
      ['browser', true, 'kurang'],
      ['cetak', true, 'dilewati'],
      ['huruf', true, 'ada'],
      ['templat', true, 'ada'],
      ['skema', true, 'ada'],
      ['temp', true, 'ada'],
      ['pdftotext', false, 'kurang'],
      ['soffice', false, 'kurang'],
    ]);
    expect(h.temuan.find((t) => t.id === 'browser')?.kode).toBe('LKJ501');
  });

  it('explains itself in --help, in Indonesian', async () => {
    const io = memoryIo({});
    expect(await run(['doctor', '--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/periksa-sistem/);
    expect(io.stdout).toMatch(/Kode keluar: 0 semua yang dibutuhkan ada, 3 ada yang kurang/);
    const umum = memoryIo({});
    expect(await run(['--help'], umum)).toBe(0);
    expect(umum.stdout).toMatch(/doctor\|periksa-sistem/);
  });
});
