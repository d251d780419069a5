import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOf, loadData } from '../../src/load/load-data.js';
import { folderSementara } from './helpers.js';

const rel = (abs: string): string => path.relative(process.cwd(), abs).split(path.sep).join('/');

describe('loadData', () => {
  it('reads base files, year folders and narasi, and assembles the DataSet', async () => {
    const dir = folderSementara({
      'opd.yaml': 'nama: Dinas\n',
      'renstra/strategis.yaml': 'periode: { awal: 2021, akhir: 2026 }\n',
      'renstra/program.yaml': 'program: []\nindikator: []\n',
      '2024/pk.yaml': 'tahun: 2024\n',
      '2024/lra.yaml': 'tahun: 2024\nbaris: []\n',
      '2024/narasi/lkjip/bab-1.md': '# Bab 1\n',
      '2024/narasi/renja/bab-1.md': '# Bab 1 Renja\n',
      '2023/kinerja.yaml': 'tahun: 2023\nindikator: []\n',
      'README.md': 'bukan data',
      'arsip/lama.yaml': 'a: 1\n',
    });
    const l = await loadData(dir);
    expect(l.diagnostics).toEqual([]);
    expect(l.years).toEqual([2023, 2024]);
    expect(l.dataSet?.opd.nama).toBe('Dinas');
    expect(l.dataSet?.tahun.get(2024)?.pk?.tahun).toBe(2024);
    expect(l.dataSet?.tahun.get(2024)?.narasi).toEqual({ lkjip: { 'bab-1': '# Bab 1\n' }, renja: { 'bab-1': '# Bab 1 Renja\n' } });
    expect(l.dataSet?.tahun.get(2023)?.kinerja?.tahun).toBe(2023);
    const pk = fileOf(l, 'pk', 2024)!;
    expect(pk.file).toBe(rel(path.join(dir, '2024/pk.yaml')));
    expect(pk.relatif).toBe('2024/pk.yaml');
    expect(l.sources.get(pk.file)).toBe('tahun: 2024\n');
    expect(l.positionOf(pk.file, '/tahun')).toEqual({ line: 1, column: 8 });
  });

  it('reports missing base files and unknown year files, without throwing', async () => {
    const dir = folderSementara({ '2024/pk.yaml': 'tahun: 2024\n', '2024/kinerja-lama.yaml': 'a: 1\n', 'renstra/strategi.yaml': 'a: 1\n' });
    const l = await loadData(dir);
    const kode = l.diagnostics.map((d) => d.code).sort();
    expect(kode).toEqual(['LKJ103', 'LKJ103', 'LKJ103', 'LKJ104', 'LKJ104']);
    expect(l.dataSet).toBeUndefined();
    expect(l.data.tahun.get(2024)?.pk?.tahun).toBe(2024);
    const unknown = l.diagnostics.find((d) => d.code === 'LKJ104' && d.file?.endsWith('strategi.yaml'));
    expect(unknown?.message).toContain('renstra/strategis.yaml');
  });

  it('reports a missing data folder', async () => {
    const l = await loadData(path.join(folderSementara({}), 'tidak-ada'));
    expect(l.diagnostics).toHaveLength(1);
    expect(l.diagnostics[0]!.code).toBe('LKJ103');
  });

  it('keeps a file with a syntax error out of the model', async () => {
    const dir = folderSementara({ 'opd.yaml': 'nama: [Dinas\n', 'renstra/strategis.yaml': 'a: 1\n', 'renstra/program.yaml': 'a: 1\n' });
    const l = await loadData(dir);
    expect(l.diagnostics.map((d) => d.code)).toContain('LKJ101');
    expect(l.data.opd).toBeUndefined();
    expect(l.data.strategis).toBeDefined();
  });
});
