/**
 * out/<tahun> as a mount point (a Docker volume, a network share mounted there): it cannot be
 * renamed as a whole (EBUSY/EXDEV), so the set is staged inside it and swapped file by file. Run in
 * a private mount namespace (`unshare -m`, needs root) so the tmpfs disappears with it whatever
 * happens; skipped where that is not allowed. The same fallback without a mount (EXDEV, EBUSY and
 * EPERM injected) is in test/export/output-set.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, folderUji, hapus, salinContoh } from './bantu.js';

const bisa = process.platform === 'linux' && spawnSync('unshare', ['-m', '--propagation', 'private', 'true']).status === 0;
const dir = folderUji('mount');
afterAll(() => hapus(dir));

describe.skipIf(!bisa)('out/<tahun> is a mount point', () => {
  it('builds, replacing the files inside it; the user file stays, no staging folder is left', () => {
    salinContoh(dir);
    const skrip = path.join(dir, 'uji.sh');
    writeFileSync(
      skrip,
      [
        'set -e',
        'mkdir -p out/2026',
        'mount -t tmpfs -o size=20m tmpfs out/2026',
        'echo lama > out/2026/lkjip-2026.html',
        'echo punya-pengguna > out/2026/catatan.txt',
        `"${process.execPath}" "${BIN}" build 2026 --data data --out out --only lkjip --format html,xlsx`,
        'echo "== isi"',
        'ls -A out/2026',
        'echo "== catatan"',
        'cat out/2026/catatan.txt',
        'echo "== awal html"',
        'head -c 15 out/2026/lkjip-2026.html; echo',
        'echo "== sisa di out"',
        'ls -A out',
      ].join('\n'),
    );
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', skrip], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Selesai 2026 dalam [\d,]+ s\. Ditulis \(berkas demi berkas: folder tahun adalah titik kait atau tautan\):/);
    const bagian = (judul: string): string => (r.stdout.split(`== ${judul}\n`)[1] ?? '').split('\n== ')[0]?.trim() ?? '';
    expect(bagian('isi').split('\n').sort()).toEqual(['catatan.txt', 'lkjip-2026.html', 'lkjip-2026.xlsx']);
    expect(bagian('catatan')).toBe('punya-pengguna');
    expect(bagian('awal html')).toBe('<!doctype html>');
    expect(bagian('sisa di out')).toBe('2026');
  });
});
