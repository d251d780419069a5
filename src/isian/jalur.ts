/**
 * Where a value lives in a data file: a path from the file's root through map keys, list positions
 * and list items picked by their id. Shared by `isian` (which reads the current value there) and
 * `impor` (which writes the new one there, creating what is missing).
 */

/** An item of a list picked by one of its keys (`{ kunci: 'id', nilai: 'IKU-1' }`), created when absent. */
export interface Pilih {
  kunci: string;
  nilai: string;
  /**
   * The canonical order of the list's items (their `kunci` values, e.g. the Renstra's order of
   * indicators): a new item goes after the nearest earlier one that exists.
   */
  urutan: readonly string[];
}

/** A map key, a list position, or a list item picked by id. */
export type Segmen = string | number | Pilih;

export type Jalur = readonly Segmen[];

export const isPilih = (s: Segmen): s is Pilih => typeof s === 'object';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Index of the item a Pilih names in a list, or -1. */
export function indeksPilih(daftar: readonly unknown[], p: Pilih): number {
  return daftar.findIndex((x) => isObj(x) && String(x[p.kunci]) === p.nilai);
}

/** The value at a path of a plain value; undefined when any step is missing. */
export function ambilNilai(akar: unknown, jalur: Jalur): unknown {
  let v: unknown = akar;
  for (const s of jalur) {
    if (typeof s === 'string') v = isObj(v) ? v[s] : undefined;
    else if (typeof s === 'number') v = Array.isArray(v) ? v[s] : undefined;
    else v = Array.isArray(v) ? v[indeksPilih(v, s)] : undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/** The path with every Pilih replaced by the index it has in `akar` (undefined from the first missing step). */
export function jalurKonkret(akar: unknown, jalur: Jalur): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let v: unknown = akar;
  for (const s of jalur) {
    if (isPilih(s)) {
      if (!Array.isArray(v)) return undefined;
      const i = indeksPilih(v, s);
      if (i < 0) return undefined;
      out.push(i);
      v = v[i];
    } else {
      out.push(s);
      v = typeof s === 'string' ? (isObj(v) ? v[s] : undefined) : Array.isArray(v) ? v[s] : undefined;
    }
  }
  return out;
}
