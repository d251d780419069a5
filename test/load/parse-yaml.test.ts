import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { posisiNode } from '../../src/load/position.js';

describe('parseYaml', () => {
  it('reports a syntax error with line and column and no value', () => {
    const r = parseYaml('tahun: 2024\nindikator:\n  - id: "IKU-1\n    target: 87\n', 'x.yaml');
    expect(r.ok).toBe(false);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'LKJ101', severity: 'error', file: 'x.yaml' });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a duplicate key at the second key and keeps the value', () => {
    const r = parseYaml('tahun: 2024\nlra:\n  anggaran: 1\n  anggaran: 2\n', 'x.yaml');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'LKJ102', line: 4, column: 3, found: 'anggaran' });
    expect(r.diagnostics[0]!.message).toContain('`anggaran`');
  });

  it('reports a tab used as indentation', () => {
    const r = parseYaml('a:\n\tb: 1\n', 'x.yaml');
    expect(r.diagnostics.some((d) => d.code === 'LKJ101' && d.line === 2)).toBe(true);
  });
});

describe('posisiNode', () => {
  const src = [
    '# komentar',
    'tahun: 2024',
    'indikator:',
    '  - id: IKU-1',
    '    realisasi: "89,60"',
    '  - { id: IKU-2, realisasi: 87 }',
    'kosong:',
    'daftar: [1, 2, 3]',
    'peta:',
    '  a: 1',
  ].join('\n');
  const r = parseYaml(src, 'x.yaml');
  it.each([
    ['', { line: 2, column: 1 }],
    ['/tahun', { line: 2, column: 8 }],
    ['/indikator/0/realisasi', { line: 5, column: 16 }],
    ['/indikator/1/realisasi', { line: 6, column: 29 }],
    ['/indikator/1', { line: 6, column: 5 }],
    ['/kosong', { line: 7, column: 1 }],
    ['/daftar/2', { line: 8, column: 16 }],
    // a missing property stops at the parent map
    ['/peta/b', { line: 10, column: 3 }],
    ['/indikator/7/realisasi', { line: 4, column: 3 }],
  ])('%s -> %o', (p, pos) => {
    expect(posisiNode(r.doc, r.lineCounter, p)).toEqual(pos);
  });
  it('points at the key with kunci', () => {
    expect(posisiNode(r.doc, r.lineCounter, '/indikator/0/realisasi', { kunci: true })).toEqual({ line: 5, column: 5 });
  });
});
