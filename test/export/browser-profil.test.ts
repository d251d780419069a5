import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bersihkanProfilBasi, openBrowser, prosesHidup } from '../../src/export/browser.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-profil-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The pid of a process that has already ended. */
function pidMati(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('temporary browser profiles', () => {
  it('removes only our profiles whose process is gone', async () => {
    const mati = pidMati();
    expect(prosesHidup(mati)).toBe(false);
    expect(prosesHidup(process.ppid)).toBe(true);
    for (const n of [`lkjip-chromium-${mati}-abc`, `lkjip-chromium-${process.ppid}-abc`, `lkjip-chromium-${process.pid}-abc`, `puppeteer_dev_chrome_profile-${mati}`, 'lain']) {
      mkdirSync(path.join(tmp, n, 'Default'), { recursive: true });
    }
    expect(await bersihkanProfilBasi(tmp)).toEqual([path.join(tmp, `lkjip-chromium-${mati}-abc`)]);
    expect(readdirSync(tmp).sort()).toEqual(
      ['lain', `lkjip-chromium-${process.pid}-abc`, `lkjip-chromium-${process.ppid}-abc`, `puppeteer_dev_chrome_profile-${mati}`].sort(),
    );
  });

  it('a session keeps its profile in the temp folder given and removes it on close', async () => {
    const folder = path.join(tmp, 'sesi');
    mkdirSync(folder);
    const sesi = await openBrowser({ tempDir: folder });
    expect(path.dirname(sesi.profileDir)).toBe(folder);
    expect(path.basename(sesi.profileDir)).toMatch(new RegExp(`^lkjip-chromium-${process.pid}-`));
    expect(existsSync(sesi.profileDir)).toBe(true);
    await sesi.close();
    expect(readdirSync(folder)).toEqual([]);
  });
});
