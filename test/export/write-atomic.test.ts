import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/export/write-atomic.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lkjip-out-'));
});
afterEach(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

describe('writeOutputs', () => {
  it('writes all files (with subfolders) and leaves no temp folder', async () => {
    const out = join(root, 'out');
    const written = await writeOutputs(out, [
      { relPath: 'lkjip-2024.pdf', data: new Uint8Array([37, 80, 68, 70]) },
      { relPath: 'lampiran/tabel.xlsx', data: 'xlsx' },
    ]);
    expect(written).toEqual([join(out, 'lkjip-2024.pdf'), join(out, 'lampiran', 'tabel.xlsx')]);
    expect(readFileSync(join(out, 'lkjip-2024.pdf'), 'latin1')).toBe('%PDF');
    expect(readFileSync(join(out, 'lampiran/tabel.xlsx'), 'utf8')).toBe('xlsx');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('replaces earlier outputs and keeps unrelated files', async () => {
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.pdf'), 'lama');
    writeFileSync(join(out, 'catatan.txt'), 'punya pengguna');
    await writeOutputs(out, [{ relPath: 'a.pdf', data: 'baru' }]);
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('baru');
    expect(readFileSync(join(out, 'catatan.txt'), 'utf8')).toBe('punya pengguna');
  });

  it('leaves earlier outputs untouched when a file cannot be written', async () => {
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.pdf'), 'lama');
    // the second file's "folder" is a file in the staging area: fails after the first was written
    await expect(
      writeOutputs(out, [
        { relPath: 'a.pdf', data: 'baru' },
        { relPath: 'a.pdf/anak.txt', data: 'x' },
      ]),
    ).rejects.toMatchObject({ code: 'LKJ503' });
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('lama');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it.skipIf(isRoot)('turns EACCES into LKJ503 naming the folder', async () => {
    const out = join(root, 'out');
    chmodSync(root, 0o555);
    const error = await writeOutputs(out, [{ relPath: 'a.pdf', data: 'x' }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LKJ503' });
    expect((error as Error).message).toContain(out);
    expect(existsSync(out)).toBe(false);
  });

  it('turns a read-only location into LKJ503 (works as root too)', async () => {
    const blocker = join(root, 'berkas');
    writeFileSync(blocker, 'bukan folder');
    const error = await writeOutputs(join(blocker, 'out'), [{ relPath: 'a.pdf', data: 'x' }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LKJ503' });
    expect((error as Error).message).toContain(join(blocker, 'out'));
  });

  it.each(['../luar.pdf', '/abs.pdf', '', 'a/../../b'])('rejects relPath %j outside the folder', async (relPath) => {
    await expect(writeOutputs(join(root, 'out'), [{ relPath, data: 'x' }])).rejects.toThrow(/relPath/);
  });
});
