/**
 * A bug inside `lkjip impor` (here: the YAML editor failing as it did on overlapping edits) reaches
 * the user as LKJ746 in Indonesian, without a stack trace or a dump of the file, and the data folder
 * stays as it was, with or without --dry-run.
 */
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bersihkan, lkjip, root, salin, sel, sidik, sunting } from './helpers.js';

vi.mock('../../src/impor/sunting-yaml.js', async (asli) => ({
  ...(await asli<typeof import('../../src/impor/sunting-yaml.js')>()),
  suntingYaml: () => {
    throw new Error('sunting-yaml: dua suntingan bertumpuk\nindikator:\n  - id: IKU-1');
  },
}));

afterAll(bersihkan);

describe('an internal failure of lkjip impor', () => {
  it.each([[[]], [['--dry-run']]])('is LKJ746 without a stack trace, the data untouched (%j)', async (tambahan) => {
    const dir = salin(path.join(root, 'data'));
    const h0 = await lkjip(['isian', '2024'], dir);
    expect(h0.code, h0.err).toBe(0);
    const diubah = await sunting(path.join(dir, 'isian-2024.xlsx'), 'diubah.xlsx', (wb) => {
      sel(wb, 'Indikator', 'IKU-2', 'realisasi').value = 87.5;
    });
    const awal = sidik(path.join(dir, 'data'));
    const h = await lkjip(['impor', '2024', diubah, ...tambahan], dir);
    expect(h.code).toBe(3);
    expect(h.err).toMatch(/^kesalahan LKJ746 Impor berhenti karena kesalahan di dalam lkjip\n/);
    expect(h.err).toContain('(sunting-yaml: dua suntingan bertumpuk). Tidak ada berkas data yang diubah.');
    expect(h.err).toMatch(/Saran: Laporkan ke pengembang lkjip/);
    expect(h.err).not.toMatch(/\n\s+at |Error:|IKU-1/);
    expect(sidik(path.join(dir, 'data'))).toEqual(awal);
  });
});
