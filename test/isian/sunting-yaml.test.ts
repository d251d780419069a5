import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HAPUS, suntingYaml, type Suntingan } from '../../src/impor/sunting-yaml.js';
import type { Pilih } from '../../src/isian/jalur.js';
import { aturanSisip, skemaBerkas } from '../../src/isian/skema.js';

const root = path.resolve(__dirname, '../..');
const baca = (rel: string): string => readFileSync(path.join(root, rel), 'utf8');
const pilih = (kunci: string, nilai: string, urutan: string[] = []): Pilih => ({ kunci, nilai, urutan });

/** Lines that differ between two texts (same number of lines expected unless noted). */
function bedaBaris(a: string, b: string): { hapus: string[]; tambah: string[] } {
  const la = a.split('\n');
  const lb = b.split('\n');
  const sa = new Map<string, number>();
  for (const l of la) sa.set(l, (sa.get(l) ?? 0) + 1);
  const tambah: string[] = [];
  for (const l of lb) {
    const n = sa.get(l) ?? 0;
    if (n > 0) sa.set(l, n - 1);
    else tambah.push(l);
  }
  const hapus = [...sa].flatMap(([l, n]) => Array(n).fill(l) as string[]);
  return { hapus: hapus.sort(), tambah: tambah.sort() };
}

describe('suntingYaml on the bundled files', () => {
  const kinerja = baca('data/2024/kinerja.yaml');
  const opsiKinerja = aturanSisip(skemaBerkas('kinerja'));

  it('changes one scalar on one line, keeping its comment', () => {
    const s: Suntingan[] = [{ jalur: ['indikator', pilih('id', 'IKL-1'), 'realisasi'], nilai: 82.5 }];
    const h = suntingYaml(kinerja, s, opsiKinerja);
    expect(bedaBaris(kinerja, h.teks)).toEqual({
      hapus: ['    realisasi: 81.30 # dicetak "81,30 (A)"; predikat dihitung dari skala IKL-1'],
      tambah: ['    realisasi: 82.5 # dicetak "81,30 (A)"; predikat dihitung dari skala IKL-1'],
    });
  });

  it('inserts a missing key after its schema predecessor, in the block style of its map', () => {
    const s: Suntingan[] = [{ jalur: ['indikator', pilih('id', 'IKU-1'), 'realisasi_triwulan', 1], nilai: 45 }];
    const h = suntingYaml(kinerja, s, opsiKinerja);
    expect(bedaBaris(kinerja, h.teks)).toEqual({ hapus: [], tambah: ['    realisasi_triwulan: [null, 45, null, null]'] });
    expect(h.teks).toContain('  - id: IKU-1\n    realisasi: 89.60\n    realisasi_triwulan: [null, 45, null, null]\n  - id: IKU-2');
  });

  it('inserts a missing list item at its canonical place, before the comments of the next one', () => {
    const s: Suntingan[] = [{ jalur: ['indikator', pilih('id', 'IKL-9', ['IKL-1', 'IKL-9', 'IKL-2']), 'realisasi'], nilai: 7 }];
    const h = suntingYaml(kinerja, s, opsiKinerja);
    expect(h.teks).toMatch(/dari skala IKL-1\n {2}- id: IKL-9\n {4}realisasi: 7\n {2}# Sama dengan % realisasi total LRA 2024/);
  });

  const program = baca('data/2024/program.yaml');
  const opsiProgram = aturanSisip(skemaBerkas('program-tahun'));

  it('edits inside flow maps and flow lists', () => {
    const s: Suntingan[] = [
      { jalur: ['node', pilih('kode', '2.07.05.2.02.0001'), 'indikator', pilih('id', 'I-2.07.05.2.02.0001'), 'realisasi_triwulan', 2], nilai: 3 },
      { jalur: ['node', pilih('kode', '2.07.03.2.01.0001'), 'indikator', pilih('id', 'I-2.07.03.2.01.0001'), 'realisasi'], nilai: 120 },
      { jalur: ['node', pilih('kode', '2.07.05.2.02.0001'), 'realisasi_rp_triwulan', 3], nilai: 1000 },
    ];
    const h = suntingYaml(program, s, opsiProgram);
    expect(bedaBaris(program, h.teks)).toEqual({
      hapus: [
        '    realisasi_rp_triwulan: [0, 88280200, null, null]',
        '      - { id: I-2.07.05.2.02.0001, target: 4, realisasi_triwulan: [0, 2, null, null], realisasi_sd_tahun_lalu: 404 }',
        '      - { id: I-2.07.03.2.01.0001, target: 128 }',
      ].sort(),
      tambah: [
        '    realisasi_rp_triwulan: [0, 88280200, null, 1000]',
        '      - { id: I-2.07.05.2.02.0001, target: 4, realisasi_triwulan: [0, 2, 3, null], realisasi_sd_tahun_lalu: 404 }',
        '      - { id: I-2.07.03.2.01.0001, target: 128, realisasi: 120 }',
      ].sort(),
    });
  });

  it('adds a new node in the block style of its siblings, with a flow indicator list', () => {
    const urutan = ['2.07.04.2.01', '2.07.04.2.01.0002', '2.07.04.2.01.0003', '2.07.04.2.01.0005'];
    const s: Suntingan[] = [
      { jalur: ['node', pilih('kode', '2.07.04.2.01.0003', urutan), 'pagu'], nilai: 5000000 },
      { jalur: ['node', pilih('kode', '2.07.04.2.01.0003', urutan), 'realisasi_rp_triwulan', 0], nilai: 100 },
    ];
    const h = suntingYaml(program, s, opsiProgram);
    expect(h.teks).toContain(
      '      - { id: I-2.07.04.2.01.0002, target: 1 }\n  - kode: "2.07.04.2.01.0003"\n    pagu: 5000000\n    realisasi_rp_triwulan: [100, null, null, null]\n  # sumber: TC-31',
    );
    expect(parse(h.teks)).toEqual(h.nilai);
  });

  it('removes a key (an emptied value that cannot be null) and replaces null', () => {
    const s: Suntingan[] = [
      { jalur: ['node', pilih('kode', '2.07.05.2.02.0001'), 'realisasi_rp_sd_tahun_lalu'], nilai: HAPUS },
      { jalur: ['node', pilih('kode', '2.07.05.2.02.0001'), 'indikator', pilih('id', 'I-2.07.05.2.02.0001'), 'realisasi_sd_tahun_lalu'], nilai: HAPUS },
      { jalur: ['node', pilih('kode', '2.07.05.2.02.0002'), 'realisasi_rp_triwulan', 2], nilai: 7 },
    ];
    const h = suntingYaml(program, s, opsiProgram);
    expect(bedaBaris(program, h.teks)).toEqual({
      hapus: [
        '    realisasi_rp_sd_tahun_lalu: 693889600',
        '      - { id: I-2.07.05.2.02.0001, target: 4, realisasi_triwulan: [0, 2, null, null], realisasi_sd_tahun_lalu: 404 }',
        '    realisasi_rp_triwulan: [0, 3392000, null, null]',
      ].sort(),
      tambah: ['      - { id: I-2.07.05.2.02.0001, target: 4, realisasi_triwulan: [0, 2, null, null] }', '    realisasi_rp_triwulan: [0, 3392000, 7, null]'].sort(),
    });
  });

  it('keeps quoting of a replaced string and quotes new codes', () => {
    const lra = baca('data/2024/lra.yaml');
    const h = suntingYaml(lra, [{ jalur: ['bulan_sd'], nilai: 'Oktober' }], aturanSisip(skemaBerkas('lra')));
    expect(bedaBaris(lra, h.teks)).toEqual({ hapus: ['bulan_sd: "November"'], tambah: ['bulan_sd: "Oktober"'] });
  });

  it('inserts a year into a flow map of years in year order, with a quoted key', () => {
    const strategis = baca('data/renstra/strategis.yaml');
    const h = suntingYaml(strategis, [{ jalur: ['indikator', pilih('id', 'IKU-3'), 'target', '2027'], nilai: 3 }], aturanSisip(skemaBerkas('strategis')));
    const beda = bedaBaris(strategis, h.teks);
    expect(beda.tambah).toEqual([expect.stringContaining('"2026": 4, "2027": 3 }')]);
  });

  it('creates sections and whole files from nothing', () => {
    const opsi = aturanSisip(skemaBerkas('konteks'));
    const awal = '# yaml-language-server: $schema=../../schemas/konteks.schema.json\ntahun: 2025\n';
    const h = suntingYaml(
      awal,
      [
        { jalur: ['pns_golongan', 'golongan', 'II'], nilai: 4 },
        { jalur: ['pns_golongan', 'sumber_data'], nilai: 'BKPSDM' },
      ],
      opsi,
    );
    // Keys in schema order (sumber_data before golongan, whatever the order of the edits); a map of
    // scalars in flow style.
    expect(h.teks).toBe(`${awal}pns_golongan:\n  sumber_data: BKPSDM\n  golongan: { II: 4 }\n`);
    const pk = suntingYaml(
      'tahun: 2025\n',
      [
        { jalur: ['papbd', 'target', pilih('indikator', 'IKU-2', ['IKU-1', 'IKU-2']), 'target'], nilai: 5 },
        { jalur: ['papbd', 'target', pilih('indikator', 'IKU-1', ['IKU-1', 'IKU-2']), 'target'], nilai: 4.5 },
      ],
      aturanSisip(skemaBerkas('pk')),
    );
    expect(pk.teks).toBe('tahun: 2025\npapbd:\n  target:\n    - { indikator: IKU-1, target: 4.5 }\n    - { indikator: IKU-2, target: 5 }\n');
  });

  it('fills an empty list and an empty value', () => {
    const renja = 'tahun: 2025\ntriwulan_evaluasi: 2\ntc31:\n  node: []\npenutup:\n';
    const h = suntingYaml(
      renja,
      [{ jalur: ['tc31', 'node', pilih('kode', '2.07.01'), 'rkpd', 'indikator', pilih('id', 'I-2.07.01'), 'target'], nilai: 80 }],
      aturanSisip(skemaBerkas('renja')),
    );
    expect(h.teks).toBe(
      'tahun: 2025\ntriwulan_evaluasi: 2\ntc31:\n  node:\n    - kode: "2.07.01"\n      rkpd:\n        indikator:\n          - { id: I-2.07.01, target: 80 }\n      analisis: { indikator: [] }\npenutup:\n',
    );
    const k = suntingYaml('tahun: 2025\npenutup:\n', [{ jalur: ['penutup', 'catatan_penting'], nilai: 'a, b: c' }], aturanSisip(skemaBerkas('renja')));
    expect(k.teks).toBe('tahun: 2025\npenutup: { catatan_penting: "a, b: c" }\n');
  });

  it('keeps CRLF line ends', () => {
    const t = 'tahun: 2025\r\nindikator:\r\n  - { id: IKU-1, realisasi: null }\r\n';
    const h = suntingYaml(t, [{ jalur: ['indikator', pilih('id', 'IKU-2', ['IKU-1', 'IKU-2']), 'realisasi'], nilai: 3 }], opsiKinerja);
    expect(h.teks).toBe('tahun: 2025\r\nindikator:\r\n  - { id: IKU-1, realisasi: null }\r\n  - { id: IKU-2, realisasi: 3 }\r\n');
  });
});
