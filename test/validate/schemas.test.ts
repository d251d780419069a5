import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/load-data.js';
import { validate } from '../../src/validate/index.js';
import { BERKAS_TERKOMPILASI, cariFolderSkema, kodeTerkompilasi, muatSkema } from '../../src/validate/schema.js';

// Runtime validation skips the meta-schema check for speed; this test does it once.
const dir = cariFolderSkema();
const nama = readdirSync(dir).filter((n) => n.endsWith('.schema.json'));

describe('schemas/', () => {
  it.each(nama)('%s is valid JSON Schema 2020-12 and compiles strictly enough', (n) => {
    const ajv = new Ajv2020Module.default({ strict: false, allowUnionTypes: true });
    const json = JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as { $id?: string };
    expect(json.$id).toBe(n);
    expect(ajv.validateSchema(json), JSON.stringify(ajv.errors)).toBe(true);
  });
});

describe('precompiled validators (dist/schemas-compiled.cjs)', () => {
  // A throw-away package: schemas/ copied, dist/ with the compiled module, node_modules linked so
  // that the generated code finds ajv's runtime helpers.
  function paketSementara(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'lkjip-pre-'));
    cpSync(dir, path.join(root, 'schemas'), { recursive: true });
    symlinkSync(path.resolve(dir, '..', 'node_modules'), path.join(root, 'node_modules'));
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist', BERKAS_TERKOMPILASI), kodeTerkompilasi(path.join(root, 'schemas')));
    return root;
  }

  it('are used when they match the schemas and give the same diagnostics as a live compile', async () => {
    const root = paketSementara();
    const skema = muatSkema(path.join(root, 'schemas'));
    expect(skema.terkompilasi).toBe(true);
    const data = mkdtempSync(path.join(tmpdir(), 'lkjip-pre-data-'));
    cpSync(path.resolve(dir, '..', 'data'), data, { recursive: true });
    writeFileSync(path.join(data, '2024/kinerja.yaml'), 'tahun: 2024\nindikator:\n  - { id: IKU-1, realisasi: "89,60", relisasi: 1 }\n');
    const loaded = await loadData(data);
    const pre = validate(loaded, undefined, { schemasDir: path.join(root, 'schemas') });
    const live = validate(loaded, undefined, { schemasDir: dir });
    expect(pre).toEqual(live);
    expect(pre.map((d) => d.code)).toEqual(expect.arrayContaining(['LKJ202', 'LKJ204']));
  });

  it('are ignored when a schema changed after the build', () => {
    const root = paketSementara();
    const pk = path.join(root, 'schemas', 'pk.schema.json');
    writeFileSync(pk, readFileSync(pk, 'utf8').replace('"Tahun PK."', '"Tahun PK (diubah)."'));
    expect(muatSkema(path.join(root, 'schemas')).terkompilasi).toBe(false);
  });
});
