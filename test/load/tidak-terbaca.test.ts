/**
 * A folder that exists but cannot be read is not "missing". Tests run as root here, where file
 * modes do not stop reading, so readdir is made to fail the way it does for an ordinary user.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const TERKUNCI = new Set<string>();

vi.mock('node:fs/promises', async (asli) => {
  const fs = await asli<typeof import('node:fs/promises')>();
  return {
    ...fs,
    readdir: (async (dir: string, ...rest: unknown[]) => {
      if (TERKUNCI.has(path.resolve(String(dir)))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
      return (fs.readdir as (...a: unknown[]) => unknown)(dir, ...rest);
    }) as typeof fs.readdir,
  };
});

const { loadData } = await import('../../src/load/load-data.js');
const { kelasTahun, validate } = await import('../../src/validate/index.js');
const contoh = path.resolve(__dirname, '../fixtures/opd-contoh/data');

describe('unreadable vs missing', () => {
  it('an unreadable data folder: LKJ111, not LKJ103', async () => {
    TERKUNCI.add(contoh);
    try {
      const l = await loadData(contoh);
      expect(l.diagnostics.map((d) => d.code)).toEqual(['LKJ111']);
      expect(l.diagnostics[0]?.message).toMatch(/ada tetapi isinya tidak dapat dibaca: tidak punya izin membaca \(EACCES\)/);
    } finally {
      TERKUNCI.clear();
    }
  });

  it('an unreadable year folder: LKJ111 for that year, which is then broken, not history', async () => {
    TERKUNCI.add(path.join(contoh, '2026'));
    try {
      const l = await loadData(contoh);
      const d = l.diagnostics.filter((x) => x.code === 'LKJ111');
      expect(d.map((x) => x.file)).toEqual([expect.stringMatching(/opd-contoh\/data\/2026$/)]);
      expect(kelasTahun(l, 2026).jenis).toBe('rusak');
      expect(validate(l, 2026).some((x) => x.code === 'LKJ111')).toBe(true);
      expect(validate(l, 2025).some((x) => x.code === 'LKJ111')).toBe(false);
    } finally {
      TERKUNCI.clear();
    }
  });

  it('an unreadable narrative folder is reported too', async () => {
    TERKUNCI.add(path.join(contoh, '2026/narasi/renja'));
    try {
      const l = await loadData(contoh);
      expect(l.diagnostics.filter((x) => x.code === 'LKJ111').map((x) => x.file)).toEqual([expect.stringMatching(/2026\/narasi\/renja$/)]);
    } finally {
      TERKUNCI.clear();
    }
  });
});
