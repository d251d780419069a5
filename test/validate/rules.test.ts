import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/load-data.js';
import { BERKAS_DASAR, BERKAS_TAHUN } from '../../src/load/kinds.js';
import { statusTahun, validate } from '../../src/validate/index.js';
import { folderSementara } from '../load/helpers.js';

// Schemas that accept anything: these tests look at the cross-file rules only.
const longgar = folderSementara(
  Object.fromEntries(
    [...BERKAS_DASAR.map((b) => b.jenis), ...Object.values(BERKAS_TAHUN)].map((j) => [`${j}.schema.json`, JSON.stringify({ $id: `${j}.schema.json` })]),
  ),
  'lkjip-longgar-',
);

const dasar: Record<string, string> = {
  'opd.yaml': 'nama: Dinas\n',
  'renstra/strategis.yaml': `periode: { awal: 2021, akhir: 2026 }
tujuan:
  - { id: T-1, uraian: t, indikator: [IT-1] }
sasaran:
  - { id: SS-1, uraian: s, tujuan: T-1, jenis: utama, indikator: [IKU-1], program: ["2.07.03"] }
indikator:
  - { id: IT-1, nama: a, target: { "2024": 5 } }
  - { id: IKU-1, nama: b, target: { "2024": 87, "2025": 88 } }
`,
  'renstra/program.yaml': `urusan: [{ kode: "2.07", nama: Tenaga Kerja }]
program:
  - kode: "2.07.03"
    nama: P
    indikator: [I-2.07.03]
    kegiatan:
      - kode: "2.07.03.2.01"
        nama: K
        indikator: [I-2.07.03.2.01]
        sub_kegiatan:
          - { kode: "2.07.03.2.01.0001", nama: S1, indikator: [] }
          - { kode: "2.07.03.2.01.0002", nama: S2, indikator: [] }
indikator:
  - { id: I-2.07.03, nama: c }
  - { id: I-2.07.03.2.01, nama: d }
`,
};

const lengkap: Record<string, string> = {
  '2024/pk.yaml': `tahun: 2024
papbd:
  target: [{ indikator: IKU-1, target: 87 }]
  anggaran: [{ program: "2.07.03", anggaran: 100 }]
`,
  '2024/kinerja.yaml': 'tahun: 2024\nindikator:\n  - { id: IKU-1, realisasi: 90 }\n',
  '2024/program.yaml': `tahun: 2024
node:
  - { kode: "2.07.03", pagu: 100, realisasi_rp_triwulan: [10, 20, null, 40] }
  - { kode: "2.07.03.2.01", pagu: 100, realisasi_rp_triwulan: [10, 20, 5, 40] }
`,
  '2024/lra.yaml': `tahun: 2024
baris:
  - { kode: "2.07.03", anggaran: 100, rencana_sd: 80, realisasi_sd: 70, rencana_akhir: 20, realisasi_akhir: 20 }
  - { kode: "2.07.03.2.01", anggaran: 100, rencana_sd: 80, realisasi_sd: 70, rencana_akhir: 20, realisasi_akhir: 20 }
  - { kode: "2.07.03.2.01.0001", anggaran: 60, rencana_sd: 50, realisasi_sd: 40, rencana_akhir: 10, realisasi_akhir: 10 }
  - { kode: "2.07.03.2.01.0002", anggaran: 40, rencana_sd: 30, realisasi_sd: 30, rencana_akhir: 10, realisasi_akhir: 10 }
`,
  '2024/renja.yaml': 'tahun: 2024\ntriwulan_evaluasi: 2\n',
  '2024/konteks.yaml': 'tahun: 2024\n',
  '2024/lkjip.yaml': 'tahun: 2024\n',
  '2024/narasi/lkjip/bab-1.md': '# 1\n',
  '2024/narasi/renja/bab-1.md': '# 1\n',
};

async function periksa(ubah: Record<string, string>, tahun?: number) {
  const l = await loadData(folderSementara({ ...dasar, ...lengkap, ...ubah }));
  return validate(l, tahun, { schemasDir: longgar });
}
const ringkas = (ds: { code: string; file?: string; line?: number; column?: number }[]): string[] =>
  ds.map((d) => `${d.code} ${d.file?.split('/').slice(-2).join('/')}:${d.line}:${d.column}`);

describe('cross-file rules', () => {
  it('a consistent data set has no diagnostics', async () => {
    expect(await periksa({})).toEqual([]);
  });

  it.each([
    ['duplicate indicator over both renstra files', { 'renstra/program.yaml': dasar['renstra/program.yaml']!.replace('{ id: I-2.07.03, nama: c }', '{ id: IKU-1, nama: c }') }, ['LKJ301 renstra/program.yaml:14:11', 'LKJ302 renstra/program.yaml:5:17']],
    ['duplicate LRA row', { '2024/lra.yaml': lengkap['2024/lra.yaml']!.replace('"2.07.03.2.01.0002"', '"2.07.03.2.01.0001"') }, ['LKJ301 2024/lra.yaml:6:13']],
    ['unknown indicator in kinerja', { '2024/kinerja.yaml': 'tahun: 2024\nindikator:\n  - { id: IKU-9, realisasi: 90 }\n' }, ['LKJ302 2024/kinerja.yaml:3:11']],
    ['unknown program in pk', { '2024/pk.yaml': lengkap['2024/pk.yaml']!.replace('program: "2.07.03"', 'program: "2.07.09"') }, ['LKJ302 2024/pk.yaml:4:25']],
    ['unknown tujuan of a sasaran', { 'renstra/strategis.yaml': dasar['renstra/strategis.yaml']!.replace('tujuan: T-1', 'tujuan: T-2') }, ['LKJ302 renstra/strategis.yaml:5:36']],
    ['LRA parent not the sum of its children', { '2024/lra.yaml': lengkap['2024/lra.yaml']!.replace('anggaran: 60', 'anggaran: 61') }, ['LKJ303 2024/lra.yaml:4:39']],
    ['program pagu parent not the sum', { '2024/program.yaml': lengkap['2024/program.yaml']!.replace('pagu: 100, realisasi_rp_triwulan: [10, 20, 5', 'pagu: 90, realisasi_rp_triwulan: [11, 20, 5') }, ['LKJ303 2024/program.yaml:3:30', 'LKJ303 2024/program.yaml:3:59']],
    ['realisasi above anggaran', { '2024/lra.yaml': lengkap['2024/lra.yaml']!.replace('realisasi_sd: 30, rencana_akhir: 10, realisasi_akhir: 10', 'realisasi_sd: 30, rencana_akhir: 10, realisasi_akhir: 11') }, ['LKJ303 2024/lra.yaml:4:114', 'LKJ305 2024/lra.yaml:6:118']],
    ['PK P-APBD anggaran not LRA', { '2024/pk.yaml': lengkap['2024/pk.yaml']!.replace('anggaran: 100', 'anggaran: 90') }, ['LKJ304 2024/pk.yaml:4:46']],
    ['quarter 5', { '2024/renja.yaml': 'tahun: 2024\ntriwulan_evaluasi: 5\n' }, ['LKJ306 2024/renja.yaml:2:20']],
    ['target year outside the Renstra', { 'renstra/strategis.yaml': dasar['renstra/strategis.yaml']!.replace('"2025": 88', '"2027": 88') }, ['LKJ307 renstra/strategis.yaml:8:49']],
    ['tahun not its folder', { '2024/konteks.yaml': 'tahun: 2023\n' }, ['LKJ308 2024/konteks.yaml:1:8']],
  ])('%s', async (_, ubah, harap) => {
    expect(ringkas(await periksa(ubah))).toEqual(harap);
  });

  it('reports a year folder outside the Renstra at its tahun field', async () => {
    const ds = await periksa({ '2030/pk.yaml': 'tahun: 2030\n' });
    expect(ringkas(ds.filter((d) => d.code === 'LKJ307'))).toEqual(['LKJ307 2030/pk.yaml:1:8']);
  });

  it('a year with only history gets LKJ401 info, also when asked for; a missing year folder LKJ402', async () => {
    const ds = await periksa({ '2023/kinerja.yaml': 'tahun: 2023\nindikator: []\n' });
    expect(ds.map((d) => `${d.code} ${d.severity}`)).toEqual(['LKJ401 info']);
    expect(ds[0]!.message).toContain('pk.yaml, program.yaml, lra.yaml, renja.yaml, konteks.yaml, lkjip.yaml, narasi/lkjip/*.md, narasi/renja/*.md');
    expect((await periksa({ '2023/kinerja.yaml': 'tahun: 2023\nindikator: []\n' }, 2023)).map((d) => `${d.code} ${d.severity}`)).toEqual([
      'LKJ401 info',
    ]);
    const hilang = await periksa({}, 2025);
    expect(hilang.map((d) => d.code)).toEqual(['LKJ402']);
    // The way out for a year that does not exist yet is `lkjip init`, not "complete data/2025/".
    expect(hilang[0]!.hint).toContain('lkjip init 2025');
  });

  it('a file that exists but does not parse is not called missing by LKJ401', async () => {
    const ds = await periksa({ '2023/kinerja.yaml': 'tahun: 2023\nindikator:\n  - { id: IKU-1 }\n\t- { id: IKU-2 }\n', '2023/pk.yaml': 'tahun: 2023\n' }, 2023);
    expect(ds.filter((d) => d.code === 'LKJ101')).toHaveLength(1);
    const info = ds.find((d) => d.code === 'LKJ401');
    expect(info?.message).not.toContain('kinerja.yaml');
    expect(info?.message).toContain('program.yaml');
  });

  it('a year is checked with its history only', async () => {
    const ds = await periksa({ '2025/konteks.yaml': 'tahun: 2026\n' }, 2024);
    expect(ds).toEqual([]);
  });

  it('statusTahun lists what a year lacks', async () => {
    const l = await loadData(folderSementara({ ...dasar, ...lengkap, '2024/lra.yaml': 'tahun: [\n' }));
    // lra.yaml is there but does not parse: not missing (its LKJ101 says what is wrong), still not buildable.
    expect(statusTahun(l, 2024)).toEqual({ bisaDibangun: false, kurang: [], tidakSah: ['lra.yaml'] });
    expect(statusTahun(l, 2022).kurang).toHaveLength(9);
  });

  it('a syntax error in renstra does not cascade into reference errors', async () => {
    const ds = await periksa({ 'renstra/program.yaml': 'program: [\n' });
    expect(ds.map((d) => d.code)).toEqual(['LKJ101']);
  });
});
