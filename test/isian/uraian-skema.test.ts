/**
 * The descriptions the workbook takes from the schemas: whole on the Umum sheet, and cut to their
 * first sentence elsewhere without mistaking an abbreviation's period ("mis.") for its end.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/index.js';
import { keteranganDi, skemaBerkas } from '../../src/isian/skema.js';
import { kalimatPertama, susunBukuIsian } from '../../src/isian/susun.js';
import type { JenisBerkas } from '../../src/load/kinds.js';
import { root } from './helpers.js';

describe('kalimatPertama', () => {
  it.each([
    ['Periode laporan, mis. "Triwulan IV".', 'Periode laporan, mis. "Triwulan IV".'],
    ['Bulan batas kolom rencana/realisasi s.d., mis. "November". Lainnya.', 'Bulan batas kolom rencana/realisasi s.d., mis. "November".'],
    ['Catatan kaki tabel. Dicetak di bawahnya.', 'Catatan kaki tabel.'],
    ['Perbandingan dengan Dinas Prov. Jawa Timur; tanpa tahun.', 'Perbandingan dengan Dinas Prov. Jawa Timur;'],
    ['Target pada Tabel E.81. Kedua.', 'Target pada Tabel E.81.'],
    ['Rp. dalam ribuan, dll. tanpa titik', 'Rp. dalam ribuan, dll. tanpa titik'],
    ['Versi 1.2 dipakai.', 'Versi 1.2 dipakai.'],
  ])('%s', (d, hasil) => {
    expect(kalimatPertama(d)).toBe(hasil);
  });
});

describe('the Umum sheet', () => {
  it('shows each value\'s whole schema description', async () => {
    const loaded = await loadData(path.join(root, 'data'));
    const umum = susunBukuIsian(loaded, 2024).lembar.find((l) => l.nama === 'Umum');
    expect(umum).toBeDefined();
    const uraian = new Map(umum!.baris.map((b) => [b.id, b.sel.uraian?.nilai]));
    expect(uraian.get('lra.periode')).toBe('Periode laporan, mis. "Triwulan IV"');
    expect(uraian.get('lra.bulan_akhir')).toBe('Bulan terakhir, mis. "Desember"');
    for (const b of umum!.baris) {
      const [jenis, ...jalur] = b.id.split('.') as [JenisBerkas, ...string[]];
      const d = keteranganDi(skemaBerkas(jenis), jalur) ?? '';
      expect(`${String(b.sel.uraian?.nilai)}.`, b.id).toBe(d.endsWith('.') ? d : `${d}.`);
    }
  });

  it('no label of any sheet ends on an abbreviation', async () => {
    const loaded = await loadData(path.join(root, 'data'));
    for (const l of susunBukuIsian(loaded, 2024).lembar) {
      for (const b of l.baris) {
        const u = b.sel.uraian?.nilai;
        if (typeof u === 'string') expect(u, `${l.nama} ${b.id}`).not.toMatch(/\b(mis|dst|dll|dsb|Prov|Kab|s\.d)$/);
      }
    }
  });
});
