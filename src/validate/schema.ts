import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { projectRoot } from '../render/assets.js';
import { POLA_TANGGAL } from './tanggal.js';

// ajv is required only when something must be compiled: with the precompiled validators, start-up
// skips loading it (tens of ms). Its CommonJS exports carry the class on `default` too.
const require = createRequire(import.meta.url);
type Ajv2020Klas = (typeof import('ajv/dist/2020.js'))['default'];
type Ajv = InstanceType<Ajv2020Klas>;
const muatAjv = (): Ajv2020Klas => (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).default;
const muatStandalone = (): (typeof import('ajv/dist/standalone/index.js'))['default'] =>
  (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default;

/** File name of the validators precompiled at build time, in `<package>/dist/`. */
export const BERKAS_TERKOMPILASI = 'schemas-compiled.cjs';

export interface Skema {
  dir: string;
  /** Schema file names found. */
  ids: Set<string>;
  /** Problems loading a schema file: file name -> message. */
  galat: Map<string, string>;
  compiled: Map<string, ValidateFunction | undefined>;
  /** true when the validators came from the precompiled module (no ajv compile at run time). */
  terkompilasi: boolean;
  ajv(): Ajv;
}

/**
 * The `schemas/` folder of this package: beside its package.json, wherever the package is (a
 * checkout, node_modules/lkjip, a global prefix), never a folder of the working directory.
 */
export function cariFolderSkema(): string {
  return path.join(projectRoot(), 'schemas');
}

function buatAjv(source: boolean): Ajv {
  // validateSchema off and codegen optimisation off: together they halve compile time; the schemas
  // are checked against the 2020-12 meta-schema by the tests instead (test/validate/schemas.test.ts).
  const Ajv2020 = muatAjv();
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    validateSchema: false,
    code: { optimize: false, source: source },
  });
  // Formats we use without pulling in ajv-formats.
  // A real calendar date (2024-02-30 is not): a regular expression, so ajv standalone inlines it.
  ajv.addFormat('date', POLA_TANGGAL);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  return ajv;
}

interface BerkasSkema {
  nama: string;
  teks: string;
}

function bacaSkema(dir: string, galat: Map<string, string>): BerkasSkema[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.schema.json'))
      .sort()
      .map((nama) => ({ nama, teks: readFileSync(path.join(dir, nama), 'utf8') }));
  } catch (err) {
    galat.set('*', err instanceof Error ? err.message : String(err));
    return [];
  }
}

/** Fingerprint of the schema files, so a stale precompiled module is never used. */
function sidikSkema(berkas: readonly BerkasSkema[]): string {
  const h = createHash('sha256');
  for (const b of berkas) h.update(`${b.nama}\0${b.teks}\0`);
  return h.digest('hex');
}

function tambahkan(ajv: Ajv, berkas: readonly BerkasSkema[], galat: Map<string, string>): void {
  for (const b of berkas) {
    try {
      const json = JSON.parse(b.teks) as Record<string, unknown>;
      // Look-ups go by file name; a schema whose $id is a URL stays reachable by it too.
      if (json.$id === b.nama) ajv.addSchema(json);
      else ajv.addSchema(json, b.nama);
    } catch (err) {
      galat.set(b.nama, err instanceof Error ? err.message : String(err));
    }
  }
}

const namaEkspor = (nama: string): string => 'v_' + nama.replace(/\.schema\.json$/, '').replace(/[^A-Za-z0-9_]/g, '_');

/**
 * CommonJS source of every schema's validator (ajv standalone), written at build time to
 * `dist/schemas-compiled.cjs` by `compile-schemas.ts`: loading it costs a few ms where compiling
 * the schemas costs one to two hundred.
 */
export function kodeTerkompilasi(dir = cariFolderSkema()): string {
  const galat = new Map<string, string>();
  const berkas = bacaSkema(dir, galat);
  const ajv = buatAjv(true);
  tambahkan(ajv, berkas, galat);
  if (galat.size) throw new Error([...galat].map(([n, m]) => `${n}: ${m}`).join('\n'));
  const peta = Object.fromEntries(berkas.map((b) => [namaEkspor(b.nama), b.nama]));
  const kode = muatStandalone()(ajv, peta);
  return `${kode}\nmodule.exports.__sidik = ${JSON.stringify(sidikSkema(berkas))};\n`;
}

function muatTerkompilasi(dir: string, berkas: readonly BerkasSkema[]): Map<string, ValidateFunction> | undefined {
  const file = path.join(path.dirname(dir), 'dist', BERKAS_TERKOMPILASI);
  if (!existsSync(file)) return undefined;
  try {
    // scripts/bundel.mjs puts the module itself into the bundle (its compiled code is then cached).
    const mod = require(/* dibundel: schemas-compiled.cjs */ file) as Record<string, unknown>;
    if (mod.__sidik !== sidikSkema(berkas)) return undefined;
    const peta = new Map<string, ValidateFunction>();
    for (const b of berkas) {
      const v = mod[namaEkspor(b.nama)];
      if (typeof v !== 'function') return undefined;
      peta.set(b.nama, v as ValidateFunction);
    }
    return peta;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, Skema>();

/**
 * Every schemas/*.schema.json, once per process: from the precompiled module when it matches the
 * schema files, otherwise compiled with ajv on first use of each.
 */
export function muatSkema(dir = cariFolderSkema()): Skema {
  const ada = cache.get(dir);
  if (ada) return ada;
  const galat = new Map<string, string>();
  const berkas = bacaSkema(dir, galat);
  const pre = muatTerkompilasi(dir, berkas);
  let ajv: Ajv | undefined;
  const skema: Skema = {
    dir,
    ids: new Set(berkas.map((b) => b.nama)),
    galat,
    compiled: new Map(pre ?? []),
    terkompilasi: pre !== undefined,
    ajv() {
      if (!ajv) {
        ajv = buatAjv(false);
        tambahkan(ajv, berkas, galat);
      }
      return ajv;
    },
  };
  cache.set(dir, skema);
  return skema;
}

/** The compiled validator of a schema file name, or an error message. */
export function validatorUntuk(skema: Skema, nama: string): ValidateFunction | string {
  const siap = skema.compiled.get(nama);
  if (siap) return siap;
  if (!skema.ids.has(nama)) return skema.galat.get('*') ?? 'berkas skema tidak ada';
  if (!skema.compiled.has(nama)) {
    try {
      const ajv = skema.ajv();
      const g = skema.galat.get(nama);
      if (g) return g;
      skema.compiled.set(nama, ajv.getSchema(nama));
    } catch (err) {
      skema.galat.set(nama, err instanceof Error ? err.message : String(err));
    }
  }
  return skema.galat.get(nama) ?? skema.compiled.get(nama) ?? 'skema tidak dapat dikompilasi';
}
