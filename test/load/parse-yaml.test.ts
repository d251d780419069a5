import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bacaJsYaml, parseLengkap, parseYaml } from '../../src/load/parse-yaml.js';
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

  it('a tab before a list item is reported once, at the tab, without its follow-on errors', () => {
    const teks = 'tahun: 2026\nkinerja:\n  - { id: IKU-1, realisasi: 97.8 }\n\t- { id: IKU-2, realisasi: 0.42 }\n  - { id: IKU-3, realisasi: 43 }\n';
    const r = parseYaml(teks, 'kinerja.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['LKJ101', 4, 1]]);
    expect(r.diagnostics[0]!.message).toContain('tab dipakai untuk indentasi; YAML hanya menerima spasi');
    expect(r.diagnostics[0]!.hint).toMatch(/ganti tab .* dengan spasi/);
  });

  it('an error away from the tab is still reported, after the tab', () => {
    const teks = 'a:\n\tb: 1\nc: 1\nd: 2\ne: "tutup\n';
    const r = parseYaml(teks, 'x.yaml');
    expect(r.diagnostics[0]).toMatchObject({ code: 'LKJ101', line: 2, column: 1 });
    expect(r.diagnostics.slice(1).some((d) => d.line !== undefined && d.line >= 5)).toBe(true);
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

describe('one YAML reading: the js-yaml fast path and the `yaml` path give the same values', () => {
  // Scalars where YAML 1.1 and 1.2 differ, or that the two libraries resolved differently before.
  const SKALAR = [
    '-.5', '.5', '+.5', '0b101', '0o17', '0O17', '0x1F', '0X1F', '-0x1F', '1_000', '+12', '012', '089', '1e3', '1E3', '-1.5e-3',
    '1.', '3.', '0.1e2', '+1.0e+2', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'no',
    'on', 'off', 'y', 'n', '~', 'null', 'Null', 'NULL', 'nULL', '', '2024-09-23', '1:30', '0', '-0', '00', '0.0',
    '99999999999999999999999', '1e400', '-1e400', '0x', '0o', '.', '+', '1.2.3', '1e', 'e3', '.e3', '12_3.4', '0o8', '0xG',
  ];
  const nilaiLengkap = (text: string): unknown => parseLengkap(text, 'x.yaml').value;

  it.each(SKALAR)('a: %s', (x) => {
    const text = `a: ${x}\nb: [${x || 'null'}]\n`;
    const lengkap = nilaiLengkap(text);
    expect(bacaJsYaml(text)).toEqual(lengkap);
    // and parseYaml (whichever path it takes) gives that too
    expect(parseYaml(text, 'x.yaml').value).toEqual(lengkap);
  });

  it('-.5 is a number and 0b101 text on both paths (YAML 1.2 core schema)', () => {
    expect(bacaJsYaml('a: -.5\nb: 0b101\nc: 1_000\n')).toEqual({ a: -0.5, b: '0b101', c: '1_000' });
    expect(nilaiLengkap('a: -.5\nb: 0b101\nc: 1_000\n')).toEqual({ a: -0.5, b: '0b101', c: '1_000' });
  });

  it('an anchor elsewhere in the file (full path) does not change the values', () => {
    const polos = 'a: -.5\nb: 0b101\nc: [0o17, 0x1F, .inf]\n';
    const berjangkar = `${polos}d: &x 1\ne: *x\n`;
    const { d: _d, e: _e, ...sisa } = parseYaml(berjangkar, 'x.yaml').value as Record<string, unknown>;
    expect(sisa).toEqual(parseYaml(polos, 'x.yaml').value);
  });

  it('null and collection keys take the full path (the libraries name such keys differently)', () => {
    for (const text of ['~: 1\n', 'null: 1\n', 'a: {null: 1}\n', '? [1, 2]\n: 3\n']) {
      expect(parseYaml(text, 'x.yaml').value).toEqual(nilaiLengkap(text));
    }
  });

  // Every data file of the repository: the bundled data, the fixtures (hostile ones included,
  // where js-yaml reads them at all).
  const akar = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const cari = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? cari(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
  const berkas = [path.join(akar, 'data'), path.join(akar, 'test/fixtures')].flatMap(cari);

  it('covers the data files', () => expect(berkas.length).toBeGreaterThan(40));

  it.each(berkas.map((f) => [path.relative(akar, f)]))('%s', (rel) => {
    const text = readFileSync(path.join(akar, rel), 'utf8').replace(/^\uFEFF/, '');
    const lengkap = parseLengkap(text, rel);
    let cepat: unknown;
    try {
      cepat = bacaJsYaml(text);
    } catch {
      return; // js-yaml rejects it: such a file always takes the full path
    }
    if (!lengkap.ok) return; // an error the full path reports (duplicate keys keep ok)
    expect(cepat).toEqual(lengkap.value);
  });
});
