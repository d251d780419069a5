/**
 * A build stopped by a signal at a named point (before the print, during it, before and during the
 * swap of the output set): it ends with 128 + n and one Indonesian line, out/<tahun> holds the old
 * set or the complete new one (never a mix), no temp folder or lock is left, and no Chromium
 * process or profile of that build outlives it. SIGKILL, which nothing can catch: Chromium still
 * goes (it is driven over a pipe), the old set stays, and what is left (a profile, an old set moved
 * aside, a lock) is put right by the next build.
 */
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bersihkanProfilBasi, findBrowser } from '../../src/export/browser.js';
import { folderKunci } from '../../src/export/kunci-folder.js';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import {
  folderUji,
  hapus,
  mulaiCli,
  profilDi,
  prosesDengan,
  salinContoh,
  sidikSet,
  sisaSementara,
  STACK,
  tulisSetLama,
  tungguBrowserHilang,
} from './bantu.js';

let ada = true;
try {
  findBrowser({ env: {} });
} catch {
  ada = false;
}

let dir: string;
beforeAll(() => {
  dir = folderUji('sinyal');
  salinContoh(dir);
});
afterAll(() => hapus(dir));

const SET_LAMA = ['lkjip-2026.pdf', 'lkjip-2026.html', 'catatan-pengguna.txt'];

describe.skipIf(!ada)('signals at named points of a build', () => {
  it.each([
    ['sebelum-cetak', 'SIGINT', 130, 'lama'],
    ['saat-cetak', 'SIGTERM', 143, 'lama'],
    ['sebelum-tukar', 'SIGHUP', 129, 'lama'],
    ['saat-tukar', 'SIGINT', 130, 'baru'],
  ] as const)('%s + %s -> exit %i, the %s set whole, nothing left behind', async (titik, sinyal, kode, set) => {
    const kasus = path.join(dir, `${titik}-${sinyal}`);
    const outTahun = path.join(kasus, 'out', '2026');
    const lama = tulisSetLama(outTahun, SET_LAMA);
    const tmp = path.join(kasus, 'tmp');
    const anak = mulaiCli(['build', '2026', '--data', '../data', '--out', 'out', '--only', 'lkjip', '--format', 'pdf,html'], kasus, {
      LKJIP_UJI_TITIK: titik,
    });
    await anak.tunggu(new RegExp(`LKJIP_UJI_TITIK ${titik} \\d+`));
    // Chromium runs by now (started while the data was read): its processes, by profile or group.
    const grup = new Set(prosesDengan(tmp).map((p) => p.pgid));
    anak.proses.kill(sinyal);
    expect(await anak.selesai).toBe(kode);

    const err = anak.stderr();
    expect(err).not.toMatch(STACK);
    const baris = err.split('\n').filter((b) => b.startsWith('Build dihentikan'));
    expect(baris).toHaveLength(1);
    expect(baris[0]).toMatch(new RegExp(`^Build dihentikan \\(${sinyal}[^)]*\\): Chromium ditutup, berkas sementara dihapus; `));
    expect(baris[0]).toContain(set === 'lama' ? 'keluaran lama di out/2026/ tidak diubah' : 'keluaran baru di out/2026/ sudah lengkap ditulis');

    const sekarang = sidikSet(outTahun);
    if (set === 'lama') {
      expect(sekarang).toEqual(lama);
    } else {
      // the new set: both documents new, the user's file carried over
      expect(Object.keys(sekarang).sort()).toEqual([...SET_LAMA].sort());
      expect(sekarang['lkjip-2026.pdf']).not.toBe(lama['lkjip-2026.pdf']);
      expect(sekarang['lkjip-2026.html']).not.toBe(lama['lkjip-2026.html']);
      expect(sekarang['catatan-pengguna.txt']).toBe(lama['catatan-pengguna.txt']);
    }
    expect(sisaSementara(path.join(kasus, 'out'))).toEqual([]);
    expect(await tungguBrowserHilang(tmp, grup, 5_000)).toEqual([]);
    expect(profilDi(tmp)).toEqual([]);
  });
});

describe.skipIf(!ada)('SIGKILL', () => {
  it('during the print: no Chromium of that build survives, the old set stays, the next build removes the profile', async () => {
    const kasus = path.join(dir, 'sigkill-cetak');
    const outTahun = path.join(kasus, 'out', '2026');
    const lama = tulisSetLama(outTahun, SET_LAMA);
    const tmp = path.join(kasus, 'tmp');
    const anak = mulaiCli(['build', '2026', '--data', '../data', '--out', 'out', '--only', 'lkjip', '--format', 'pdf'], kasus, {
      LKJIP_UJI_TITIK: 'saat-cetak',
    });
    await anak.tunggu(/LKJIP_UJI_TITIK saat-cetak \d+/);
    const hidup = prosesDengan(tmp);
    expect(hidup.length).toBeGreaterThan(2); // browser, zygotes, renderer, GPU/utility processes
    const grup = new Set(hidup.map((p) => p.pgid));
    anak.proses.kill('SIGKILL');
    expect(await anak.selesai).toBe(137);
    // Chromium notices its pipe closed and exits with all its processes.
    expect(await tungguBrowserHilang(tmp, grup, 10_000)).toEqual([]);
    expect(sidikSet(outTahun)).toEqual(lama);
    expect(sisaSementara(path.join(kasus, 'out'))).toEqual([]);
    // Its profile is left (nothing ran to remove it); the next browser start removes it.
    expect(profilDi(tmp)).toHaveLength(1);
    expect(await bersihkanProfilBasi(tmp)).toHaveLength(1);
    expect(profilDi(tmp)).toEqual([]);
  });

  it('during the swap: the old set is aside, whole; the next build puts it back, takes over the lock, and writes', async () => {
    const kasus = path.join(dir, 'sigkill-tukar');
    const out = path.join(kasus, 'out');
    const outTahun = path.join(out, '2026');
    const lama = tulisSetLama(outTahun, SET_LAMA);
    const anak = mulaiCli(['build', '2026', '--data', '../data', '--out', 'out', '--only', 'lkjip', '--format', 'html'], kasus, {
      LKJIP_UJI_TITIK: 'saat-tukar',
    });
    await anak.tunggu(/LKJIP_UJI_TITIK saat-tukar \d+/);
    anak.proses.kill('SIGKILL');
    expect(await anak.selesai).toBe(137);
    // Between the two renames: no out/2026 at all (never a mix), the old set whole beside it.
    expect(existsSync(outTahun)).toBe(false);
    const aside = readdirSync(out).filter((n) => n.startsWith('.2026.lkjip-lama-'));
    expect(aside).toHaveLength(1);
    expect(sidikSet(path.join(out, aside[0] as string))).toEqual(lama);
    expect(existsSync(folderKunci(outTahun))).toBe(true);

    const io = memoryIo({}, kasus);
    expect(await run(['build', '2026', '--data', '../data', '--out', 'out', '--only', 'lkjip', '--format', 'html'], io)).toBe(0);
    const baru = sidikSet(outTahun);
    expect(Object.keys(baru).sort()).toEqual([...SET_LAMA].sort());
    expect(baru['lkjip-2026.html']).not.toBe(lama['lkjip-2026.html']);
    expect(baru['lkjip-2026.pdf']).toBe(lama['lkjip-2026.pdf']); // restored, then carried over
    expect(sisaSementara(out)).toEqual([]);
  });
});
