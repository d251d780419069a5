/**
 * The JSON Schemas read as a map of the data: what type a value at a path has (number, integer,
 * text, a choice, nullable, minimum), in which order a map's keys are written, and which keys a new
 * object must have. `isian` uses it to type and validate the input cells, `impor` to place a new
 * key where the schema (and so every hand-written file) puts it. Nothing here knows a file's
 * content: a schema change (a new konteks table) is followed without code changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { namaSkema, type JenisBerkas } from '../load/kinds.js';
import { cariFolderSkema } from '../validate/schema.js';
import type { Jalur } from './jalur.js';

export type SkemaJson = {
  type?: string | string[];
  properties?: Record<string, SkemaJson>;
  additionalProperties?: boolean | SkemaJson;
  items?: SkemaJson;
  required?: string[];
  enum?: unknown[];
  anyOf?: SkemaJson[];
  oneOf?: SkemaJson[];
  $ref?: string;
  $defs?: Record<string, SkemaJson>;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minLength?: number;
  pattern?: string;
  description?: string;
  title?: string;
};

/** What an input cell may hold, from the schema of the value it is bound to. */
export interface TipeNilai {
  jenis: 'angka' | 'teks' | 'boolean';
  /** A whole number (Rupiah, counts). */
  bulat: boolean;
  /** null is allowed: an emptied cell writes null. */
  nullable: boolean;
  /** The key is required in its map: an emptied cell cannot remove it. */
  wajib: boolean;
  min?: number;
  max?: number;
  /** The allowed values (enum): a dropdown. */
  pilihan?: readonly string[];
  /** Text must not be empty (minLength 1). */
  tidakKosong?: boolean;
  pola?: string;
}

const cache = new Map<string, SkemaJson>();
let folderBawaan: string | undefined;

/** The schema of a file kind, read once per process. */
export function skemaBerkas(jenis: JenisBerkas, dir = (folderBawaan ??= cariFolderSkema())): SkemaJson {
  const file = path.join(dir, namaSkema(jenis));
  let s = cache.get(file);
  if (!s) {
    s = JSON.parse(readFileSync(file, 'utf8')) as SkemaJson;
    cache.set(file, s);
  }
  return s;
}

/** Follows `$ref` (`#/$defs/x` in the same schema) and picks the non-null alternative of anyOf/oneOf. */
function urai(akar: SkemaJson, s: SkemaJson | undefined): SkemaJson | undefined {
  let cur = s;
  for (let n = 0; cur && n < 16; n++) {
    if (cur.$ref) {
      const m = /^#\/\$defs\/(.+)$/.exec(cur.$ref);
      const def = m ? akar.$defs?.[m[1] as string] : undefined;
      // A $ref beside other keywords (description) keeps them; the definition's own win for structure.
      cur = def ? { ...cur, ...def, $ref: undefined } : undefined;
      continue;
    }
    const alt = cur.anyOf ?? cur.oneOf;
    if (alt) {
      const bukanNull = alt.filter((a) => a.type !== 'null');
      const tipe = new Set(alt.flatMap((a) => (a.type === undefined ? [] : Array.isArray(a.type) ? a.type : [a.type])));
      const pilih = bukanNull.length === 1 ? bukanNull[0] : undefined;
      const gabung: SkemaJson = { ...cur, anyOf: undefined, oneOf: undefined, ...(pilih ?? {}) };
      if (tipe.size > 0) gabung.type = [...tipe];
      cur = gabung;
      continue;
    }
    return cur;
  }
  return cur;
}

/** The schema of the value at a path (Pilih and numbers step into `items`), or undefined. */
export function skemaDi(akar: SkemaJson, jalur: Jalur): SkemaJson | undefined {
  let s = urai(akar, akar);
  for (const seg of jalur) {
    if (!s) return undefined;
    if (typeof seg === 'string') {
      const p = s.properties?.[seg] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      s = urai(akar, p);
    } else {
      s = urai(akar, s.items);
    }
  }
  return s;
}

const tipeDari = (s: SkemaJson): string[] => (s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type]);

const cacheTipe = new WeakMap<SkemaJson, Map<string, TipeNilai | undefined>>();

/** The cell type of the value at a path, or undefined when the schema has no scalar there. */
export function tipeDi(akar: SkemaJson, jalur: Jalur): TipeNilai | undefined {
  // The type depends only on the path's keys, not on which item a list step picks.
  const kunci = jalur.map((s) => (typeof s === 'string' ? `.${s}` : '[]')).join('');
  let peta = cacheTipe.get(akar);
  if (!peta) cacheTipe.set(akar, (peta = new Map()));
  if (peta.has(kunci)) return peta.get(kunci);
  const t = hitungTipe(akar, jalur);
  peta.set(kunci, t);
  return t;
}

function hitungTipe(akar: SkemaJson, jalur: Jalur): TipeNilai | undefined {
  const s = skemaDi(akar, jalur);
  if (!s) return undefined;
  const t = tipeDari(s);
  const induk = skemaDi(akar, jalur.slice(0, -1));
  const akhir = jalur[jalur.length - 1];
  const wajib = typeof akhir === 'string' && !!induk?.required?.includes(akhir);
  const nullable = t.includes('null');
  const dasar = { nullable, wajib };
  if (s.enum) {
    const pilihan = s.enum.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
    return { jenis: 'teks', bulat: false, ...dasar, pilihan };
  }
  if (t.includes('integer') || t.includes('number')) {
    const out: TipeNilai = { jenis: 'angka', bulat: !t.includes('number'), ...dasar };
    if (s.minimum !== undefined) out.min = s.minimum;
    if (s.maximum !== undefined) out.max = s.maximum;
    return out;
  }
  if (t.includes('boolean')) return { jenis: 'boolean', bulat: false, ...dasar };
  if (t.includes('string')) {
    const out: TipeNilai = { jenis: 'teks', bulat: false, ...dasar };
    if ((s.minLength ?? 0) > 0) out.tidakKosong = true;
    if (s.pattern) out.pola = s.pattern;
    return out;
  }
  return undefined;
}

/**
 * The order keys are written in a map at a path: the schema's property order; for a map of years
 * (`{ "2022": 6 }`, additionalProperties only) undefined, meaning ascending order of the keys.
 */
export function urutanKunci(akar: SkemaJson, jalur: Jalur): readonly string[] | undefined {
  const s = skemaDi(akar, jalur);
  return s?.properties ? Object.keys(s.properties) : undefined;
}

/**
 * The smallest object the schema accepts at a path, apart from its scalars: every required list is
 * `[]`, every required object is itself such a skeleton (a new TC-31 node gets both its sides), a
 * required nullable value is null.
 */
export function kerangka(akar: SkemaJson, jalur: Jalur): Record<string, unknown> {
  const s = skemaDi(akar, jalur);
  const out: Record<string, unknown> = {};
  for (const k of s?.required ?? []) {
    const anak = skemaDi(akar, [...jalur, k]);
    const t = anak ? tipeDari(anak) : [];
    if (t.includes('array')) out[k] = [];
    else if (t.includes('object') || anak?.properties) out[k] = kerangka(akar, [...jalur, k]);
    // A required value that may be null starts as null: "not available" (pembanding `nilai`).
    else if (t.includes('null')) out[k] = null;
  }
  return out;
}

/** Length a new list must have at a path (fixed-length lists such as the four quarters). */
export function panjangDaftar(akar: SkemaJson, jalur: Jalur): number {
  return skemaDi(akar, jalur)?.minItems ?? 0;
}

/** The description of the value at a path (for rows driven by the schema: konteks). */
export function keteranganDi(akar: SkemaJson, jalur: Jalur): string | undefined {
  return skemaDi(akar, jalur)?.description;
}

/** The schema's answers `impor` needs to insert what is missing (see sunting-yaml.ts). */
export function aturanSisip(akar: SkemaJson): {
  urutanKunci(jalur: Jalur): readonly string[] | undefined;
  kerangka(jalur: Jalur): Record<string, unknown>;
  panjangDaftar(jalur: Jalur): number;
} {
  return {
    urutanKunci: (jalur) => urutanKunci(akar, jalur),
    kerangka: (jalur) => kerangka(akar, jalur),
    panjangDaftar: (jalur) => panjangDaftar(akar, jalur),
  };
}

