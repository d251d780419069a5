import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/load-data.js';
import { validate } from '../../src/validate/index.js';
import { folderSementara } from '../load/helpers.js';

// A small stand-in schema with the shapes the real ones use.
const skemaKinerja = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'kinerja.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['tahun', 'indikator'],
  properties: {
    tahun: { type: 'integer' },
    indikator: { type: 'array', items: { $ref: '#/$defs/nilai' } },
    sumber_data: { type: 'string', minLength: 1 },
  },
  $defs: {
    nilai: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[A-Z]' },
        target: { type: 'number' },
        realisasi: { type: ['number', 'null'] },
        realisasi_triwulan: { type: 'array', minItems: 4, maxItems: 4, items: { anyOf: [{ type: 'number' }, { type: 'null' }] } },
        satuan: { enum: ['%', 'nilai'] },
        anggaran: { type: 'integer' },
      },
    },
  },
};

async function jalankan(kinerja: string) {
  const schemas = folderSementara({ 'kinerja.schema.json': JSON.stringify(skemaKinerja) }, 'lkjip-skema-');
  const data = folderSementara({ '2024/kinerja.yaml': kinerja });
  const l = await loadData(data);
  // Base files are missing on purpose: only the schema diagnostics of kinerja.yaml matter here.
  return validate(l, undefined, { schemasDir: schemas }).filter((d) => d.file?.endsWith('kinerja.yaml'));
}

describe('schema diagnostics', () => {
  it('maps each ajv error to a code and the value position', async () => {
    const ds = await jalankan(
      [
        'tahun: 2024', //                                        1
        'indikator:', //                                         2
        '  - id: IKU-1', //                                      3
        '    realisasi: "89,60"', //                             4  LKJ202
        '    target: "87%"', //                                  5  LKJ202
        '    anggaran: "10.560.086.840"', //                     6  LKJ202
        '  - id: IKU-2', //                                      7
        '    realisasi: Proses di BKSDM', //                     8  LKJ201
        '    realisasi_triwulan: [1, 2, "3,5"]', //              9  LKJ207 + LKJ202
        '    satuan: persen', //                                 10 LKJ205
        '    relisasi: 3', //                                    11 LKJ204 (mungkin realisasi)
        '  - target: 3', //                                      12 LKJ203 id
        'sumber_data: ""', //                                    13 LKJ206
      ].join('\n'),
    );
    const ringkas = ds.map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(ringkas).toEqual(
      expect.arrayContaining([
        'LKJ202@4:16',
        'LKJ202@5:13',
        'LKJ202@6:15',
        'LKJ201@8:16',
        'LKJ207@9:25',
        'LKJ202@9:32',
        'LKJ205@10:13',
        'LKJ204@11:5',
        'LKJ203@12:5',
        'LKJ206@13:14',
      ]),
    );
    expect(ds).toHaveLength(10);
    const hint = (line: number): string | undefined => ds.find((d) => d.code === 'LKJ202' && d.line === line)?.hint;
    expect(hint(4)).toBe('tulis 89.60');
    expect(hint(5)).toBe('tulis 87');
    expect(hint(6)).toBe('tulis 10560086840');
    expect(ds.find((d) => d.code === 'LKJ204')?.hint).toBe('mungkin maksudnya `realisasi`');
    expect(ds.find((d) => d.code === 'LKJ201')?.message).toContain('angka atau null');
    expect(ds.find((d) => d.code === 'LKJ201')?.message).toContain('indikator[IKU-2].realisasi');
    expect(ds.find((d) => d.code === 'LKJ207')?.message).toContain('tepat 4 butir');
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports a missing required table at the top of the file', async () => {
    const ds = await jalankan('# komentar\ntahun: 2024\n');
    expect(ds.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['LKJ203@2:1']);
    expect(ds[0]!.message).toContain('`indikator`');
  });

  it('reports a missing schema once as LKJ900', async () => {
    const schemas = folderSementara({}, 'lkjip-skema-');
    const l = await loadData(folderSementara({ '2024/kinerja.yaml': 'tahun: 2024\n', '2023/kinerja.yaml': 'tahun: 2023\n' }));
    const ds = validate(l, undefined, { schemasDir: schemas }).filter((d) => d.code === 'LKJ900');
    expect(ds).toHaveLength(1);
  });
});
