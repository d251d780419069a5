import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gantiBerkas } from '../../src/export/write-atomic.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lkjip-ganti-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gantiBerkas (the data files changed by lkjip impor)', () => {
  it('replaces and creates files, leaving no temp file behind', async () => {
    writeFileSync(path.join(dir, 'a.yaml'), 'lama a\n');
    await gantiBerkas([
      { path: path.join(dir, 'a.yaml'), data: 'baru a\n' },
      { path: path.join(dir, 'sub/b.yaml'), data: 'baru b\n' },
    ]);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('baru a\n');
    expect(readFileSync(path.join(dir, 'sub/b.yaml'), 'utf8')).toBe('baru b\n');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'sub']);
  });

  it('puts every file back when one rename fails half-way (all or none)', async () => {
    writeFileSync(path.join(dir, 'x.yaml'), 'lama x\n');
    writeFileSync(path.join(dir, 'y.yaml'), 'lama y\n');
    let n = 0;
    const gagal = {
      async rename(dari: string, ke: string): Promise<void> {
        // x moved aside, x renamed in, y moved aside, then the rename of the new y fails.
        if (++n === 4) throw Object.assign(new Error('disk penuh'), { code: 'ENOSPC' });
        await rename(dari, ke);
      },
    };
    await expect(
      gantiBerkas(
        [
          { path: path.join(dir, 'x.yaml'), data: 'baru x\n' },
          { path: path.join(dir, 'y.yaml'), data: 'baru y\n' },
          { path: path.join(dir, 'z.yaml'), data: 'baru z\n' },
        ],
        gagal,
      ),
    ).rejects.toMatchObject({ code: 'LKJ745', message: expect.stringMatching(/ENOSPC.*dikembalikan seperti semula/) });
    expect(readFileSync(path.join(dir, 'x.yaml'), 'utf8')).toBe('lama x\n');
    expect(readFileSync(path.join(dir, 'y.yaml'), 'utf8')).toBe('lama y\n');
    expect(existsSync(path.join(dir, 'z.yaml'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
