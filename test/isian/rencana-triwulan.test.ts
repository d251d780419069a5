/**
 * Quarterly plans in the fill-in workbook: an agency that measures its quarterly evaluations
 * against them (`pengaturan.target_evaluasi: triwulan`, test/fixtures/rekap/bapenda) gets
 * "anggaran kas TW n" and "target TW n" columns, written back in place by `impor`; one that does
 * not (the bundled agency) gets no such columns.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beda, bersihkan, bukaBuku, kolomJudul, lkjip, root, salin, sel, sunting } from './helpers.js';

afterAll(bersihkan);

describe('quarterly plans (anggaran kas, target per triwulan)', () => {
  it('are columns for an agency that evaluates against them, and import into program.yaml in place', async () => {
    const dir = salin(path.join(root, 'test/fixtures/rekap/bapenda'));
    expect((await lkjip(['isian', '2026'], dir)).code).toBe(0);
    const buku = path.join(dir, 'isian-2026.xlsx');
    const wb = await bukaBuku(buku);
    expect(sel(wb, 'Program', '5.02.02.2.01.0001', 'anggaran kas TW III').value).toBe(160_000_000);
    expect(sel(wb, 'Indikator Program', 'I-5.02.02.2.01.0001', 'target TW II').value).toBe(1000);
    expect(sel(wb, 'Program', '5.02.02.2.01.0001', 'anggaran kas TW III').protection?.locked).toBe(false);

    const file = path.join(dir, 'data/2026/program.yaml');
    const sebelum = readFileSync(file, 'utf8');
    const baru = await sunting(buku, 'diisi.xlsx', (w) => {
      sel(w, 'Program', '5.02.02.2.01.0001', 'anggaran kas TW III').value = 170_000_000;
      sel(w, 'Indikator Program', 'I-5.02.02.2.01.0003', 'target TW IV').value = 350;
    });
    const h = await lkjip(['impor', '2026', baru], dir);
    expect(h.code, h.err).toBe(0);
    const d = beda(sebelum, readFileSync(file, 'utf8'));
    expect(d.hapus).toHaveLength(2);
    expect(d.tambah).toEqual([
      '    anggaran_kas_triwulan: [160000000, 160000000, 170000000, 160000000]',
      '      - { id: I-5.02.02.2.01.0003, realisasi_triwulan: [250, 320, null, null], target_triwulan: [300, 300, 300, 350] }',
    ]);
  });

  it('are not asked of an agency that evaluates against the annual target', async () => {
    const dir = salin(path.join(root, 'data'));
    expect((await lkjip(['isian', '2024'], dir)).code).toBe(0);
    const wb = await bukaBuku(path.join(dir, 'isian-2024.xlsx'));
    expect(() => kolomJudul(wb.getWorksheet('Program')!, 'anggaran kas TW I')).toThrow();
    expect(() => kolomJudul(wb.getWorksheet('Indikator Program')!, 'target TW I')).toThrow();
  });
});
