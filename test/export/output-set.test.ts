import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, uptime } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ambilKunci, folderKunci, kunciBasi } from '../../src/export/kunci-folder.js';
import { pulihkan, tulisSetKeluaran } from '../../src/export/output-set.js';

let root: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'lkjip-set-'));
  out = path.join(root, 'out', '2024');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const baca = (rel: string): string => readFileSync(path.join(out, rel), 'utf8');
/** Everything in out/ (the parent), recursively: no temp folder or lock may be left. */
const isiOut = (): string[] => readdirSync(path.join(root, 'out'), { recursive: true, encoding: 'utf8' }).sort();
const boot = (): number => Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000;

function setLama(): void {
  mkdirSync(path.join(out, 'lampiran'), { recursive: true });
  writeFileSync(path.join(out, 'lkjip-2024.pdf'), 'pdf lama');
  writeFileSync(path.join(out, 'renja-2024.pdf'), 'renja lama');
  writeFileSync(path.join(out, 'lampiran', 'catatan.txt'), 'punya pengguna');
}

function pidMati(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('tulisSetKeluaran', () => {
  it('writes a new folder whole and leaves no temp folder or lock', async () => {
    const r = await tulisSetKeluaran(out, [
      { relPath: 'lkjip-2024.pdf', data: 'pdf' },
      { relPath: 'lampiran/a.xlsx', data: 'xlsx' },
    ]);
    expect(r).toEqual({ ditulis: [path.join(out, 'lkjip-2024.pdf'), path.join(out, 'lampiran', 'a.xlsx')], cara: 'folder' });
    expect(isiOut()).toEqual(['2024', '2024/lampiran', '2024/lampiran/a.xlsx', '2024/lkjip-2024.pdf']);
  });

  it('replaces the files it makes and keeps the others (hard links, not copies)', async () => {
    setLama();
    const ino = statSync(path.join(out, 'renja-2024.pdf')).ino;
    const r = await tulisSetKeluaran(out, [{ relPath: 'lkjip-2024.pdf', data: 'pdf baru' }]);
    expect(r.cara).toBe('folder');
    expect([baca('lkjip-2024.pdf'), baca('renja-2024.pdf'), baca('lampiran/catatan.txt')]).toEqual(['pdf baru', 'renja lama', 'punya pengguna']);
    expect(statSync(path.join(out, 'renja-2024.pdf')).ino).toBe(ino);
    expect(isiOut()).toEqual(['2024', '2024/lampiran', '2024/lampiran/catatan.txt', '2024/lkjip-2024.pdf', '2024/renja-2024.pdf']);
  });

  it('leaves the old set as it was when a file cannot be staged', async () => {
    setLama();
    await expect(
      tulisSetKeluaran(out, [
        { relPath: 'lkjip-2024.pdf', data: 'baru' },
        { relPath: 'lkjip-2024.pdf/anak.txt', data: 'x' },
      ]),
    ).rejects.toMatchObject({ code: 'LKJ503' });
    expect(baca('lkjip-2024.pdf')).toBe('pdf lama');
    expect(isiOut()).toEqual(['2024', '2024/lampiran', '2024/lampiran/catatan.txt', '2024/lkjip-2024.pdf', '2024/renja-2024.pdf']);
  });

  it('stops before the swap when aborted, old set untouched, nothing left behind', async () => {
    setLama();
    const ac = new AbortController();
    const alasan = new Error('dihentikan');
    await expect(
      tulisSetKeluaran(out, [{ relPath: 'lkjip-2024.pdf', data: 'baru' }], {
        signal: ac.signal,
        titik: async (t) => {
          if (t === 'sebelum-tukar') ac.abort(alasan);
        },
      }),
    ).rejects.toBe(alasan);
    expect(baca('lkjip-2024.pdf')).toBe('pdf lama');
    expect(isiOut()).toHaveLength(5);
  });

  it('an abort during the swap waits for it: the new set, complete', async () => {
    setLama();
    const ac = new AbortController();
    await tulisSetKeluaran(out, [{ relPath: 'lkjip-2024.pdf', data: 'baru' }], {
      signal: ac.signal,
      titik: async (t) => {
        if (t === 'saat-tukar') ac.abort(new Error('dihentikan'));
      },
    });
    expect([baca('lkjip-2024.pdf'), baca('renja-2024.pdf')]).toEqual(['baru', 'renja lama']);
  });

  it.each(['EXDEV', 'EBUSY', 'EPERM'])('falls back to a file-by-file swap inside the folder when the folder rename fails with %s', async (kode) => {
    setLama();
    const r = await tulisSetKeluaran(out, [{ relPath: 'lkjip-2024.pdf', data: 'baru' }, { relPath: 'baru.html', data: 'html' }], {
      renameFolder: async () => {
        throw Object.assign(new Error(kode), { code: kode });
      },
    });
    expect(r.cara).toBe('per-berkas');
    expect([baca('lkjip-2024.pdf'), baca('baru.html'), baca('renja-2024.pdf'), baca('lampiran/catatan.txt')]).toEqual(['baru', 'html', 'renja lama', 'punya pengguna']);
    expect(isiOut()).toEqual(['2024', '2024/baru.html', '2024/lampiran', '2024/lampiran/catatan.txt', '2024/lkjip-2024.pdf', '2024/renja-2024.pdf']);
  });

  it('writes into the folder a symlinked out/<tahun> points to, and keeps the link', async () => {
    const tempat = path.join(root, 'tempat-lain');
    mkdirSync(tempat);
    writeFileSync(path.join(tempat, 'lkjip-2024.pdf'), 'lama');
    mkdirSync(path.dirname(out), { recursive: true });
    symlinkSync(tempat, out);
    const r = await tulisSetKeluaran(out, [{ relPath: 'lkjip-2024.pdf', data: 'baru' }]);
    expect(r.cara).toBe('per-berkas');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(tempat, 'lkjip-2024.pdf'), 'utf8')).toBe('baru');
    expect(readdirSync(tempat)).toEqual(['lkjip-2024.pdf']);
  });

  it('a file-by-file swap that fails part-way rolls back', async () => {
    setLama();
    await expect(
      tulisSetKeluaran(out, [{ relPath: 'lkjip-2024.pdf', data: 'baru' }, { relPath: 'lampiran/catatan.txt/x', data: 'y' }], {
        renameFolder: async () => {
          throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
        },
      }),
    ).rejects.toMatchObject({ code: 'LKJ503' });
    expect([baca('lkjip-2024.pdf'), baca('lampiran/catatan.txt')]).toEqual(['pdf lama', 'punya pengguna']);
    expect(isiOut()).toHaveLength(5);
  });
});

describe('recovery of what a killed build left', () => {
  it('puts back an old set moved aside whose replacement never arrived, removes half-made sets', async () => {
    const induk = path.dirname(out);
    mkdirSync(path.join(induk, '.2024.lkjip-lama-999-ab'), { recursive: true });
    writeFileSync(path.join(induk, '.2024.lkjip-lama-999-ab', 'lkjip-2024.pdf'), 'lama');
    mkdirSync(path.join(induk, '.2024.lkjip-baru-999-cd'));
    writeFileSync(path.join(induk, '.2024.lkjip-baru-999-cd', 'lkjip-2024.pdf'), 'setengah');
    await pulihkan(out);
    expect(isiOut()).toEqual(['2024', '2024/lkjip-2024.pdf']);
    expect(baca('lkjip-2024.pdf')).toBe('lama');
  });

  it('removes an old set moved aside when the new one did arrive', async () => {
    setLama();
    mkdirSync(path.join(path.dirname(out), '.2024.lkjip-lama-999-ab'));
    await pulihkan(out);
    expect(isiOut()).toHaveLength(5);
  });

  it('rolls back a file-by-file swap cut short (journal)', async () => {
    setLama();
    const kerja = path.join(out, '.lkjip-tukar');
    mkdirSync(path.join(kerja, 'lama'), { recursive: true });
    mkdirSync(path.join(kerja, 'baru'), { recursive: true });
    // lkjip-2024.pdf swapped (old one aside), baru.html swapped in (had no old one), renja not yet
    writeFileSync(path.join(kerja, 'lama', 'lkjip-2024.pdf'), 'pdf lama');
    writeFileSync(path.join(out, 'lkjip-2024.pdf'), 'pdf baru');
    writeFileSync(path.join(out, 'baru.html'), 'html baru');
    writeFileSync(path.join(kerja, 'baru', 'renja-2024.pdf'), 'renja baru');
    writeFileSync(
      path.join(kerja, 'jurnal.json'),
      JSON.stringify({ pid: 999, berkas: [{ rel: 'lkjip-2024.pdf', adaLama: true }, { rel: 'baru.html', adaLama: false }, { rel: 'renja-2024.pdf', adaLama: true }] }),
    );
    await pulihkan(out);
    expect([baca('lkjip-2024.pdf'), baca('renja-2024.pdf'), existsSync(path.join(out, 'baru.html'))]).toEqual(['pdf lama', 'renja lama', false]);
    expect(isiOut()).toHaveLength(5);
  });
});

describe('lock per output folder', () => {
  it('waits for a live holder, says so once, and fails with LKJ506 after the limit', async () => {
    mkdirSync(folderKunci(out), { recursive: true });
    const pemilik = { pid: process.ppid, host: hostname(), mulai: new Date().toISOString(), boot: boot(), token: 'lain' };
    writeFileSync(path.join(folderKunci(out), 'pemilik.json'), JSON.stringify(pemilik));
    const pesan: string[] = [];
    const t0 = Date.now();
    const galat = await tulisSetKeluaran(out, [{ relPath: 'a.pdf', data: 'x' }], {
      batasKunciMs: 600,
      onMenunggu: (p) => pesan.push(String(p?.pid)),
    }).catch((e: unknown) => e);
    expect(galat).toMatchObject({ code: 'LKJ506' });
    expect((galat as Error).message).toContain(`proses ${process.ppid}`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
    expect(pesan).toEqual([String(process.ppid)]);
    expect(existsSync(out)).toBe(false);
  });

  it('takes over a lock whose process is gone, or from before a restart', async () => {
    for (const pemilik of [
      { pid: pidMati(), host: hostname(), mulai: '2020-01-01T00:00:00Z', boot: boot(), token: 'mati' },
      { pid: process.ppid, host: hostname(), mulai: '2020-01-01T00:00:00Z', boot: boot() - 86_400_000, token: 'sebelum-restart' },
    ]) {
      expect(kunciBasi(pemilik)).toBe(true);
      mkdirSync(folderKunci(out), { recursive: true });
      writeFileSync(path.join(folderKunci(out), 'pemilik.json'), JSON.stringify(pemilik));
      await tulisSetKeluaran(out, [{ relPath: 'a.pdf', data: pemilik.token }], { batasKunciMs: 5_000 });
      expect(baca('a.pdf')).toBe(pemilik.token);
      expect(isiOut()).toEqual(['2024', '2024/a.pdf']);
    }
  });

  it('never judges a lock from another machine stale', () => {
    expect(kunciBasi({ pid: 1, host: 'mesin-lain', mulai: '', boot: 0, token: 'x' })).toBe(false);
  });

  it('two writers at once take turns: each set whole, the second one last', async () => {
    const urutan: string[] = [];
    // B starts only once A holds the lock and stands at its swap, whatever the machine's load.
    let diTukar!: () => void;
    const aMenukar = new Promise<void>((r) => (diTukar = r));
    const a = tulisSetKeluaran(out, [{ relPath: 'a.pdf', data: 'A' }, { relPath: 'a.html', data: 'A' }], {
      titik: async (t) => {
        if (t === 'sebelum-tukar') {
          urutan.push('A menukar');
          diTukar();
          await new Promise((r) => setTimeout(r, 300));
        }
      },
    });
    await aMenukar;
    const b = tulisSetKeluaran(out, [{ relPath: 'a.pdf', data: 'B' }, { relPath: 'a.html', data: 'B' }], {
      onMenunggu: () => urutan.push('B menunggu'),
    });
    await Promise.all([a, b]);
    expect(urutan).toEqual(['A menukar', 'B menunggu']);
    expect([baca('a.pdf'), baca('a.html')]).toEqual(['B', 'B']);
  });

  it('a lock released by its holder is removed; a second acquire then succeeds at once', async () => {
    mkdirSync(path.dirname(out), { recursive: true });
    const k = await ambilKunci(out);
    await k.lepas();
    expect(existsSync(folderKunci(out))).toBe(false);
    await (await ambilKunci(out, { batasMs: 100 })).lepas();
  });
});
