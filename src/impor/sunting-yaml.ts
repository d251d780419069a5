/**
 * Writes new values into a YAML file in place, so that a file changed by `lkjip impor` looks as if
 * a careful person had edited it by hand: comments, key order, quoting, flow maps
 * (`{ id: IKU-1, realisasi: 3.87 }`), blank lines and everything else stay byte for byte; one
 * changed value changes one scalar on one line.
 *
 * How: the file is parsed with the `yaml` package's Document API, which gives every node its exact
 * source range. Each change is located along its path in the Document; the change itself is a text
 * edit of that range (a scalar replaced, a key or a list item inserted where the schema and the
 * neighbours put it, a key removed). Re-serialising the Document (`doc.toString()`) is not used:
 * it re-indents flow collections, moves comments and folds long lines, so one change would touch
 * many lines. Every result is checked by parsing it again and comparing with the expected value;
 * a mismatch is a bug and throws, nothing is written.
 */
import { createRequire } from 'node:module';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isObj, isPilih, type Jalur, type Pilih, type Segmen } from '../isian/jalur.js';

const require = createRequire(import.meta.url);
type Yaml = typeof import('yaml');
let modul: Yaml | undefined;
const yaml = (): Yaml => (modul ??= require('yaml') as Yaml);

/** Marks a key to remove (an emptied cell whose value cannot be null). */
export const HAPUS = Symbol('hapus');

export type NilaiSkalar = number | string | boolean | null;

export interface Suntingan {
  jalur: Jalur;
  nilai: NilaiSkalar | typeof HAPUS;
}

/** What the schema says about places that do not exist yet. `jalur` is the path from the file's root. */
export interface OpsiSunting {
  /** Key order of the map at a path; undefined: ascending key order (maps of years). */
  urutanKunci(jalur: Jalur): readonly string[] | undefined;
  /** A new object at a path, with what it must hold (required lists and objects). */
  kerangka(jalur: Jalur): Record<string, unknown>;
  /** Length of a new list at a path (4 for the quarters), filled with null. */
  panjangDaftar(jalur: Jalur): number;
  /** For a new file: a file of the same kind whose quoting habits new text values follow. */
  teksContoh?: string;
}

export interface HasilSunting {
  teks: string;
  /** The plain value of the new text. */
  nilai: unknown;
}

// ---------------------------------------------------------------------------------------------
// The expected value: the same changes applied to the plain value

function kunciUrut(opsi: OpsiSunting, jalurInduk: Jalur, a: string, b: string): number {
  const urutan = opsi.urutanKunci(jalurInduk);
  if (urutan) {
    const ia = urutan.indexOf(a);
    const ib = urutan.indexOf(b);
    return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib);
  }
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The changes with one per path: a later change of the same value replaces an earlier one, as in `tulisJs`. */
function akhirPerJalur(suntingan: readonly Suntingan[]): Suntingan[] {
  const per = new Map<string, Suntingan>();
  for (const s of suntingan) {
    const k = JSON.stringify(s.jalur.map((x) => (isPilih(x) ? { k: x.kunci, n: x.nilai } : x)));
    per.delete(k);
    per.set(k, s);
  }
  return [...per.values()];
}

/** Index a new item of a Pilih gets in a list of existing ids: after the nearest earlier one that exists. */
function posisiItemBaru(ids: readonly (string | undefined)[], p: Pilih): number {
  const peringkat = (id: string | undefined): number => (id === undefined ? -1 : p.urutan.indexOf(id));
  const saya = p.urutan.indexOf(p.nilai);
  let pendahulu = -1;
  ids.forEach((id, i) => {
    const r = peringkat(id);
    if (r >= 0 && saya >= 0 && r < saya) pendahulu = i;
  });
  if (pendahulu >= 0) return pendahulu + 1;
  // Nothing earlier: before the first later one, or at the end.
  const berikut = ids.findIndex((id) => {
    const r = peringkat(id);
    return r >= 0 && saya >= 0 && r > saya;
  });
  return berikut >= 0 ? berikut : ids.length;
}

const idItem = (x: unknown, kunci: string): string | undefined => (isObj(x) && x[kunci] !== undefined ? String(x[kunci]) : undefined);

function itemBaru(opsi: OpsiSunting, jalurItem: Jalur, p: Pilih): Record<string, unknown> {
  return { [p.kunci]: p.nilai, ...opsi.kerangka(jalurItem) };
}

function wadahBaru(opsi: OpsiSunting, jalur: Jalur, berikut: Segmen): unknown {
  if (typeof berikut === 'number') return new Array(Math.max(opsi.panjangDaftar(jalur), berikut + 1)).fill(null);
  if (isPilih(berikut)) return [];
  return opsi.kerangka(jalur);
}

/**
 * Applies one change to a plain value (mutating it), creating what is missing on the way.
 * `wadah` is the container at `jalur[0..dari)`.
 */
function tulisJs(wadah: unknown, jalur: Jalur, dari: number, nilai: NilaiSkalar | typeof HAPUS, opsi: OpsiSunting): void {
  let v = wadah;
  for (let i = dari; i < jalur.length; i++) {
    const seg = jalur[i] as Segmen;
    const akhir = i === jalur.length - 1;
    const jalurSini = jalur.slice(0, i + 1);
    if (typeof seg === 'string') {
      if (!isObj(v)) throw new Error(`tulisJs: ${seg} bukan di dalam peta`);
      if (akhir) {
        if (nilai === HAPUS) delete v[seg];
        else v[seg] = nilai;
        return;
      }
      if (v[seg] === undefined || v[seg] === null) v[seg] = wadahBaru(opsi, jalurSini, jalur[i + 1] as Segmen);
      v = v[seg];
    } else if (typeof seg === 'number') {
      if (!Array.isArray(v)) throw new Error(`tulisJs: [${seg}] bukan di dalam daftar`);
      if (akhir) {
        v[seg] = nilai === HAPUS ? null : nilai;
        return;
      }
      if (v[seg] === undefined || v[seg] === null) v[seg] = wadahBaru(opsi, jalurSini, jalur[i + 1] as Segmen);
      v = v[seg];
    } else {
      if (!Array.isArray(v)) throw new Error(`tulisJs: [${seg.nilai}] bukan di dalam daftar`);
      let idx = v.findIndex((x) => idItem(x, seg.kunci) === seg.nilai);
      if (idx < 0) {
        if (akhir) throw new Error('tulisJs: Pilih tidak boleh di ujung jalur');
        idx = posisiItemBaru(v.map((x) => idItem(x, seg.kunci)), seg);
        v.splice(idx, 0, itemBaru(opsi, jalurSini, seg));
      }
      v = v[idx];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Scalars and new blocks as text

const KATA_KHUSUS = /^(null|true|false|yes|no|on|off|y|n|~)$/i;

/** A key as the hand-written files have it: snake_case plain, anything else ("2024", "3.1.a") in double quotes. */
function teksKunci(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && !KATA_KHUSUS.test(k) ? k : JSON.stringify(k);
}

/** The shortest text that reads back as the same number. */
export function teksAngka(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`teksAngka: ${n}`);
  if (Object.is(n, -0)) return '0';
  return String(n);
}

function bolehPolos(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim() || KATA_KHUSUS.test(s)) return false;
  // Codes that look like numbers stay quoted ("2.07.01"): data/README.md asks for it.
  if (/^[-+.\d]/.test(s)) return false;
  if (/[:#]\s|\s#|:$|[\n\r\t"'`\\]/.test(s)) return false;
  if (/^[-?:,\[\]{}#&*!|>%@]/.test(s)) return false;
  if (flow && /[,\[\]{}]/.test(s)) return false;
  // Anything the YAML 1.2 core schema would read as another type stays quoted.
  const dibaca = yaml().parse(s) as unknown;
  return dibaca === s;
}

function kutipGanda(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\L').replace(/\u2029/g, '\\P');
}

/** A scalar's text; `gaya` is the type of the scalar it replaces (a quoted string stays quoted the same way). */
export function teksSkalar(v: NilaiSkalar, flow: boolean, gaya?: Scalar.Type, kutip = false): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return teksAngka(v);
  if (gaya === 'QUOTE_SINGLE' && !/[\n\r]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
  if (gaya === 'QUOTE_DOUBLE' || (kutip && gaya !== 'PLAIN')) return kutipGanda(v);
  return bolehPolos(v, flow) ? v : kutipGanda(v);
}

const isSkalarJs = (v: unknown): v is NilaiSkalar => v === null || ['number', 'string', 'boolean'].includes(typeof v);

/** Whether a new text value under a key is double-quoted (see kutipBerkas). */
type Kutip = (kunci: string | undefined) => boolean;
const TANPA_KUTIP: Kutip = () => false;

function teksFlow(v: unknown, kutip: Kutip = TANPA_KUTIP, kunci?: string): string {
  if (isSkalarJs(v)) return teksSkalar(v, true, undefined, kutip(kunci));
  if (Array.isArray(v)) return `[${v.map((x) => teksFlow(x, kutip, kunci)).join(', ')}]`;
  if (isObj(v)) {
    const isi = Object.entries(v).map(([k, x]) => `${teksKunci(k)}: ${teksFlow(x, kutip, k)}`);
    return isi.length === 0 ? '{}' : `{ ${isi.join(', ')} }`;
  }
  throw new Error(`teksFlow: ${typeof v}`);
}

/** Short and flat enough for one line in braces, as the data files write their small maps. */
function cocokFlow(v: unknown, kutip: Kutip = TANPA_KUTIP): boolean {
  if (isSkalarJs(v)) return true;
  const datar = (x: unknown): boolean => isSkalarJs(x) || (Array.isArray(x) && x.every(isSkalarJs));
  if (Array.isArray(v)) return v.every(isSkalarJs) && teksFlow(v, kutip).length <= 100;
  if (isObj(v)) return Object.values(v).every(datar) && teksFlow(v, kutip).length <= 100;
  return false;
}

/** Lines of a block value at an indentation, each ending with a newline. */
function teksBlok(v: unknown, indent: number, kutip: Kutip, gayaItem?: 'flow' | 'blok', kunci?: string): string {
  const ind = ' '.repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) return `${ind}[]\n`;
    return v.map((x) => teksItemBlok(x, indent, kutip, gayaItem, kunci)).join('');
  }
  if (isObj(v)) {
    return Object.entries(v)
      .map(([k, x]) =>
        cocokFlow(x, kutip) || (Array.isArray(x) && x.length === 0)
          ? `${ind}${teksKunci(k)}: ${teksFlow(x, kutip, k)}\n`
          : `${ind}${teksKunci(k)}:\n${teksBlok(x, indent + 2, kutip, undefined, k)}`,
      )
      .join('');
  }
  return `${ind}${teksFlow(v, kutip, kunci)}\n`;
}

function teksItemBlok(x: unknown, indent: number, kutip: Kutip, gaya?: 'flow' | 'blok', kunci?: string): string {
  const ind = ' '.repeat(indent);
  const flow = gaya === 'flow' || (gaya === undefined && cocokFlow(x, kutip));
  if (flow || !isObj(x)) return `${ind}- ${teksFlow(x, kutip, kunci)}\n`;
  const isi = teksBlok(x, indent + 2, kutip);
  return `${ind}- ${isi.slice(indent + 2)}`;
}

// ---------------------------------------------------------------------------------------------
// Locating changes in the Document and turning them into text edits

interface Edit {
  dari: number;
  sampai: number;
  teks: string;
  /** Order of edits inserted at the same place. */
  urut: number;
}

type Wadah = YAMLMap | YAMLSeq;

/** New keys of one existing map, or new items of one existing list, gathered before rendering. */
interface Sisipan {
  wadah: Wadah;
  jalur: Jalur;
  /** For a list: the Pilih of each new item, by id. */
  pilih: Map<string, Pilih>;
  /** The new content: an object of new keys (map) or a list of new items (list). */
  isi: Record<string, unknown> | unknown[];
  /** The pair holding `wadah` (for converting an empty `[]` into a block list). */
  pasangan?: Pair;
  /** Inside a flow collection of an ancestor: everything new must be flow too. */
  flow: boolean;
}

/** A key whose value is null or empty and now becomes a map or list. */
interface IsiKosong {
  pasangan: Pair;
  kunci: string;
  /** Path of the pair's value. */
  jalur: Jalur;
  /** The parent map as far as the new content goes: `bungkus[kunci]` is the new value. */
  bungkus: Record<string, unknown>;
  flow: boolean;
}

/** The key a list at a path hangs from (for the quoting of its items). */
function kunciSeq(jalur: Jalur, i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (typeof jalur[j] === 'string') return jalur[j] as string;
  return undefined;
}

function kunciPasangan(p: Pair): string | undefined {
  const k = p.key as unknown;
  if (yaml().isScalar(k)) return String(k.value);
  return typeof k === 'string' ? k : undefined;
}

function cariPasangan(m: YAMLMap, kunci: string): Pair | undefined {
  return m.items.find((p) => kunciPasangan(p as Pair) === kunci) as Pair | undefined;
}

const isNullNode = (n: unknown): boolean => n === null || n === undefined || (yaml().isScalar(n) && (n as Scalar).value === null);

const rentang = (n: unknown): [number, number, number] => {
  const r = (n as Node | undefined)?.range;
  if (!r) throw new Error('sunting-yaml: node tanpa posisi');
  return r;
};

export function suntingYaml(teks: string, suntingan: readonly Suntingan[], opsi: OpsiSunting): HasilSunting {
  const Y = yaml();
  const doc = Y.parseDocument(teks, { uniqueKeys: true, keepSourceTokens: false }) as Document.Parsed;
  if (doc.errors.length > 0) throw new Error(`sunting-yaml: berkas tidak dapat diurai: ${doc.errors[0]?.message}`);
  if (!Y.isMap(doc.contents)) throw new Error('sunting-yaml: isi berkas bukan peta');
  const asli = doc.toJS() as unknown;
  const harap = structuredClone(asli);
  for (const s of suntingan) tulisJs(harap, s.jalur, 0, s.nilai, opsi);

  const nl = teks.includes('\r\n') ? '\r\n' : '\n';
  const kutip = kutipBerkas(opsi.teksContoh !== undefined ? (Y.parseDocument(opsi.teksContoh) as Document.Parsed) : doc);
  const edits: Edit[] = [];
  let urut = 0;
  const sisipan = new Map<Node, Sisipan>();
  const isiKosong = new Map<Pair, IsiKosong>();
  /** Keys removed from each existing map: rendered with that map's new keys, so their edits never overlap. */
  const hapus = new Map<YAMLMap, Set<Pair>>();

  for (const s of akhirPerJalur(suntingan)) {
    let node: unknown = doc.contents;
    let flow = false;
    let pasanganNode: Pair | undefined;
    for (let i = 0; i < s.jalur.length; i++) {
      const seg = s.jalur[i] as Segmen;
      const akhir = i === s.jalur.length - 1;
      const jalurInduk = s.jalur.slice(0, i);
      // `flowLuar`: inside a flow collection of an ancestor (the container's own style is asked apart).
      const flowLuar = flow;
      flow ||= !!(node as { flow?: boolean }).flow;
      if (typeof seg === 'string') {
        if (!Y.isMap(node)) throw new Error(`sunting-yaml: ${seg} bukan di dalam peta`);
        const p = cariPasangan(node, seg);
        if (!p) {
          const sp = ambilSisipan(sisipan, node, jalurInduk, {}, flowLuar, pasanganNode);
          tulisJs(sp.isi, s.jalur, i, s.nilai, opsi);
          break;
        }
        if (akhir) {
          if (s.nilai === HAPUS) hapus.set(node, (hapus.get(node) ?? new Set()).add(p));
          else edits.push({ ...gantiSkalar(teks, p, s.nilai, flow || !!node.flow, kutip), urut: urut++ });
          break;
        }
        if (isNullNode(p.value)) {
          let ik = isiKosong.get(p);
          if (!ik) {
            ik = { pasangan: p, kunci: seg, jalur: s.jalur.slice(0, i + 1), bungkus: {}, flow };
            isiKosong.set(p, ik);
          }
          tulisJs(ik.bungkus, s.jalur, i, s.nilai, opsi);
          break;
        }
        pasanganNode = p;
        node = p.value;
      } else if (typeof seg === 'number') {
        if (!Y.isSeq(node)) throw new Error(`sunting-yaml: [${seg}] bukan di dalam daftar`);
        const item = node.items[seg];
        if (item === undefined) throw new Error(`sunting-yaml: daftar tidak punya butir ke-${seg}`);
        if (akhir) {
          edits.push({ ...gantiNode(teks, item, s.nilai === HAPUS ? null : s.nilai, flow || !!node.flow, kutip(kunciSeq(s.jalur, i))), urut: urut++ });
          break;
        }
        if (isNullNode(item)) throw new Error(`sunting-yaml: butir ke-${seg} kosong`);
        pasanganNode = undefined;
        node = item;
      } else {
        if (!Y.isSeq(node)) throw new Error(`sunting-yaml: [${seg.nilai}] bukan di dalam daftar`);
        const item = node.items.find((x) => Y.isMap(x) && idNode(x as YAMLMap, seg.kunci) === seg.nilai);
        if (!item) {
          const sp = ambilSisipan(sisipan, node, jalurInduk, [], flowLuar, pasanganNode);
          sp.pilih.set(seg.nilai, seg);
          const daftar = sp.isi as unknown[];
          if (!daftar.some((x) => idItem(x, seg.kunci) === seg.nilai)) daftar.push(itemBaru(opsi, s.jalur.slice(0, i + 1), seg));
          const target = daftar.find((x) => idItem(x, seg.kunci) === seg.nilai);
          if (i + 1 < s.jalur.length) tulisJs(target, s.jalur, i + 1, s.nilai, opsi);
          break;
        }
        pasanganNode = undefined;
        node = item;
      }
    }
  }

  for (const sp of sisipan.values()) {
    if (!yaml().isMap(sp.wadah)) edits.push(...renderSisipan(teks, sp, opsi, nl, kutip, () => urut++));
  }
  // Every map that loses or gains keys, once: removals and insertions of one map are one plan.
  const petaBerubah = new Set<YAMLMap>([...hapus.keys(), ...[...sisipan.keys()].filter((w): w is YAMLMap => Y.isMap(w))]);
  for (const m of petaBerubah) {
    const sp = sisipan.get(m);
    edits.push(...renderPeta(teks, m, hapus.get(m) ?? new Set(), sp, opsi, nl, kutip, () => urut++));
  }
  for (const ik of isiKosong.values()) {
    ik.bungkus[ik.kunci] = urutkanBaru(ik.bungkus[ik.kunci], ik.jalur, opsi);
    edits.push(...renderIsiKosong(teks, ik, nl, kutip, () => urut++));
  }

  const baru = terapkanEdit(teks, edits);
  const cek = Y.parseDocument(baru, { uniqueKeys: true });
  if (cek.errors.length > 0) throw new Error(`sunting-yaml: hasil bukan YAML sah: ${cek.errors[0]?.message}`);
  const nilai = cek.toJS() as unknown;
  if (!samaNilai(nilai, harap)) {
    throw new Error(`sunting-yaml: hasil suntingan tidak sama dengan yang diharapkan\n${baru}`);
  }
  return { teks: baru, nilai };
}

/**
 * How the file writes text values, per key: lra.yaml and renja.yaml quote names and units
 * (`satuan: "orang"`) but not ids (`id: I-2.07.01`); kinerja.yaml quotes nothing. A new text value
 * follows how its key is written elsewhere in the file, else the file's majority.
 */
function kutipBerkas(doc: Document.Parsed): Kutip {
  const Y = yaml();
  const hitung = new Map<string, { ganda: number; polos: number }>();
  const tambah = (kunci: string, v: unknown): void => {
    if (!Y.isScalar(v) || typeof v.value !== 'string' || (v.type !== 'QUOTE_DOUBLE' && v.type !== 'PLAIN')) return;
    for (const k of [kunci, '']) {
      const h = hitung.get(k) ?? { ganda: 0, polos: 0 };
      if (v.type === 'QUOTE_DOUBLE') h.ganda++;
      else h.polos++;
      hitung.set(k, h);
    }
  };
  Y.visit(doc, {
    Pair(_, p) {
      const k = kunciPasangan(p as Pair) ?? '';
      const v = p.value as unknown;
      if (Y.isSeq(v)) for (const x of v.items) tambah(k, x);
      else tambah(k, v);
    },
  });
  return (kunci) => {
    const h = (kunci !== undefined ? hitung.get(kunci) : undefined) ?? hitung.get('');
    return !!h && h.ganda > h.polos;
  };
}

function idNode(m: YAMLMap, kunci: string): string | undefined {
  const p = cariPasangan(m, kunci);
  const v = p?.value as unknown;
  return yaml().isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : undefined;
}

function ambilSisipan(peta: Map<Node, Sisipan>, wadah: Wadah, jalur: Jalur, isi: Record<string, unknown> | unknown[], flow: boolean, pasangan?: Pair): Sisipan {
  let sp = peta.get(wadah);
  if (!sp) {
    sp = { wadah, jalur, pilih: new Map(), isi, flow };
    if (pasangan) sp.pasangan = pasangan;
    peta.set(wadah, sp);
  }
  return sp;
}

/** Offset just after the end of the line holding `pos - 1` (a block collection's range already ends there). */
function setelahBaris(teks: string, pos: number): number {
  if (pos > 0 && teks[pos - 1] === '\n') return pos;
  const i = teks.indexOf('\n', pos);
  return i < 0 ? teks.length : i + 1;
}

function awalBaris(teks: string, pos: number): number {
  return teks.lastIndexOf('\n', pos - 1) + 1;
}

function kolom(teks: string, pos: number): number {
  return pos - awalBaris(teks, pos);
}

/** Start of the comment lines right above a line, at the same indentation (they belong to that line). */
function awalKomentar(teks: string, awal: number, indent: number): number {
  let cur = awal;
  while (cur > 0) {
    const atas = awalBaris(teks, cur - 1);
    const baris = teks.slice(atas, cur - 1).replace(/\r$/, '');
    const m = /^( *)#/.exec(baris);
    if (!m || (m[1] as string).length !== indent) break;
    cur = atas;
  }
  return cur;
}

/** A text inserted at the end of the file gets the newline the file may lack. */
function sisipBaris(teks: string, pos: number, isi: string, nl: string): { pos: number; teks: string } {
  const konv = nl === '\n' ? isi : isi.replace(/\n/g, nl);
  if (pos === teks.length && teks.length > 0 && !teks.endsWith('\n')) return { pos, teks: nl + konv };
  return { pos, teks: konv };
}

function gantiSkalar(teks: string, p: Pair, nilai: NilaiSkalar, flow: boolean, kutip: Kutip): Omit<Edit, 'urut'> {
  const v = p.value as unknown;
  if (v === null || v === undefined) {
    // `key:` with nothing after it and no node: write after the key's colon.
    const [, akhirKunci] = rentang(p.key);
    const titikDua = teks.indexOf(':', akhirKunci);
    return { dari: titikDua + 1, sampai: titikDua + 1, teks: ` ${teksSkalar(nilai, flow, undefined, kutip(kunciPasangan(p)))}` };
  }
  return gantiNode(teks, v, nilai, flow, kutip(kunciPasangan(p)));
}

function gantiNode(teks: string, n: unknown, nilai: NilaiSkalar, flow: boolean, kutip: boolean): Omit<Edit, 'urut'> {
  const Y = yaml();
  const [dari, sampai] = rentang(n);
  if (!Y.isScalar(n)) throw new Error('sunting-yaml: nilai yang diganti bukan skalar');
  // A string replacing a null or a number takes the file's usual quoting, not the old scalar's.
  const gaya = typeof n.value === 'string' ? n.type : undefined;
  if (dari === sampai) {
    // An empty value (`key:`): the new one needs a space after the colon.
    const sebelum = teks[dari - 1];
    return { dari, sampai, teks: `${sebelum === ':' ? ' ' : ''}${teksSkalar(nilai, flow, undefined, kutip)}` };
  }
  let baru = teksSkalar(nilai, flow, gaya === 'BLOCK_LITERAL' || gaya === 'BLOCK_FOLDED' ? 'QUOTE_DOUBLE' : gaya, kutip);
  // A block scalar's range ends after its last line: keep that line break.
  if ((gaya === 'BLOCK_LITERAL' || gaya === 'BLOCK_FOLDED') && teks[sampai - 1] === '\n') baru += teks.includes('\r\n') ? '\r\n' : '\n';
  return { dari, sampai, teks: baru };
}

function akhirPasangan(p: Pair): number {
  return p.value ? rentang(p.value)[1] : rentang(p.key)[1];
}

/** The new keys of a map grouped by the existing pair they follow (null: before the first). */
function kelompokKunciBaru(m: YAMLMap, sp: Sisipan, opsi: OpsiSunting): Map<Pair | null, string[]> {
  const ada = m.items.map((p) => ({ p: p as Pair, k: kunciPasangan(p as Pair) }));
  const baru = Object.keys(sp.isi).sort((a, b) => kunciUrut(opsi, sp.jalur, a, b));
  const grup = new Map<Pair | null, string[]>();
  for (const k of baru) {
    let pendahulu: Pair | null = null;
    for (const a of ada) if (a.k !== undefined && kunciUrut(opsi, sp.jalur, a.k, k) < 0) pendahulu = a.p;
    if (!pendahulu && ada.length > 0 && !ada.some((a) => a.k !== undefined && kunciUrut(opsi, sp.jalur, a.k, k) > 0)) {
      pendahulu = ada[ada.length - 1]?.p ?? null;
    }
    const g = grup.get(pendahulu) ?? [];
    g.push(k);
    grup.set(pendahulu, g);
  }
  return grup;
}

/**
 * The edits of one existing map that loses keys (`dihapus`), gains keys (`sp`) or both. Planned
 * together because they meet: a key inserted after one that is removed, the last key of a flow map
 * removed with its comma while a key goes in before it. Kept pairs are never part of an edit here,
 * so scalar changes inside them stay separate edits that cannot overlap these.
 */
function renderPeta(teks: string, m: YAMLMap, dihapus: ReadonlySet<Pair>, sp: Sisipan | undefined, opsi: OpsiSunting, nl: string, kutip: Kutip, nomor: () => number): Edit[] {
  const items = m.items as Pair[];
  const n = items.length;
  let isi: Record<string, unknown> = {};
  let grup = new Map<Pair | null, string[]>();
  if (sp) {
    sp.isi = urutkanBaru(sp.isi, sp.jalur, opsi) as Sisipan['isi'];
    isi = sp.isi as Record<string, unknown>;
    grup = kelompokKunciBaru(m, sp, opsi);
  }
  const baruSetelah = (p: Pair | null): string[] => grup.get(p) ?? [];
  /** New keys that go between existing pairs `dari` (exclusive, -1: the start) and `sampai` (exclusive). */
  const baruAntara = (dari: number, sampai: number): string[] => {
    const out = dari < 0 ? [...baruSetelah(null)] : [...baruSetelah(items[dari] as Pair)];
    for (let i = Math.max(dari + 1, 0); i < sampai; i++) out.push(...baruSetelah(items[i] as Pair));
    return out;
  };
  const awal = (i: number): number => rentang((items[i] as Pair).key)[0];
  const akhir = (i: number): number => akhirPasangan(items[i] as Pair);
  const tetap = items.flatMap((p, i) => (dihapus.has(p) ? [] : [i]));
  const out: Edit[] = [];
  const edit = (dari: number, sampai: number, t: string): void => {
    if (dari !== sampai || t !== '') out.push({ dari, sampai, teks: nl === '\n' ? t : t.replace(/\n/g, nl), urut: nomor() });
  };

  if (m.flow || sp?.flow) {
    const teksBaru = (k: string): string => `${teksKunci(k)}: ${teksFlow(isi[k], kutip, k)}`;
    if (tetap.length === 0) {
      // Nothing of the old map stays: the whole `{ ... }` is rewritten.
      const semua = baruAntara(-1, n).map(teksBaru);
      const [a, b] = rentang(m);
      out.push({ dari: a, sampai: b, teks: semua.length === 0 ? '{}' : `{ ${semua.join(', ')} }`, urut: nomor() });
      return out;
    }
    // Only the gaps between kept pairs change; a gap keeps the separator it had before its right pair.
    const pertama = tetap[0] as number;
    const sebelum = baruAntara(-1, pertama).map(teksBaru);
    if (pertama > 0 || sebelum.length > 0) edit(awal(0), awal(pertama), sebelum.map((x) => `${x}, `).join(''));
    for (let j = 1; j < tetap.length; j++) {
      const ka = tetap[j - 1] as number;
      const kb = tetap[j] as number;
      const antara = baruAntara(ka, kb).map(teksBaru);
      if (kb === ka + 1 && antara.length === 0) continue;
      edit(akhir(ka), awal(kb), antara.map((x) => `, ${x}`).join('') + teks.slice(akhir(kb - 1), awal(kb)));
    }
    const terakhir = tetap[tetap.length - 1] as number;
    const sesudah = baruAntara(terakhir, n).map(teksBaru);
    if (terakhir < n - 1 || sesudah.length > 0) edit(akhir(terakhir), akhir(n - 1), sesudah.map((x) => `, ${x}`).join(''));
    return out;
  }

  // Block style: a removed key takes its whole lines; new keys go on lines of their own.
  const indent = n > 0 ? kolom(teks, awal(0)) : 0;
  // `- id: X`: the first key shares its line with the item's dash, which must stay.
  const sebarisDash = n > 0 && teks.slice(awalBaris(teks, awal(0)), awal(0)).trim() !== '';
  const blok = (kunci: string[]): string => kunci.map((k) => teksBlok({ [k]: isi[k] }, indent, kutip)).join('');
  if (n === 0) {
    for (const kunci of grup.values()) {
      const s = sisipBaris(teks, teks.length, blok(kunci), nl);
      out.push({ dari: s.pos, sampai: s.pos, teks: s.teks, urut: nomor() });
    }
    return out;
  }
  if (tetap.length === 0 && grup.size === 0) {
    // Every key removed: the map stays a map (`{}`), not a null.
    const b = setelahBaris(teks, akhir(n - 1));
    edit(awal(0), b, teks[b - 1] === '\n' ? '{}\n' : '{}');
    return out;
  }
  // Runs of removed pairs, each one edit; new keys after a removed pair move to the end of its run.
  const ujungRun = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!dihapus.has(items[i] as Pair)) continue;
    let j = i;
    while (j + 1 < n && dihapus.has(items[j + 1] as Pair)) j++;
    for (let x = i; x <= j; x++) ujungRun.set(x, j);
    const dari = i === 0 && sebarisDash ? awal(0) : awalBaris(teks, awal(i));
    const sampai = i === 0 && sebarisDash && j + 1 < n ? awal(j + 1) : setelahBaris(teks, akhir(j));
    edit(dari, sampai, '');
    i = j;
  }
  const tempat = new Map<number, string[]>();
  for (const [p, kunci] of grup) {
    if (p === null) continue;
    const i = items.indexOf(p);
    const k = ujungRun.get(i) ?? i;
    tempat.set(k, [...(tempat.get(k) ?? []), ...kunci]);
  }
  const pertama = [...baruSetelah(null)];
  const ujungAwal = ujungRun.get(0);
  if (sebarisDash && ujungAwal !== undefined) {
    // The removed keys from the dash on go up to the next kept key: what follows them goes at the dash too.
    pertama.push(...(tempat.get(ujungAwal) ?? []));
    tempat.delete(ujungAwal);
  }
  if (pertama.length > 0) {
    if (sebarisDash) {
      // Before the first key on the dash's line: the new lines, then the indentation the old first line had.
      const b = blok(pertama).slice(indent);
      const semuaHilang = tetap.length === 0;
      out.push({ dari: awal(0), sampai: awal(0), teks: nl === '\n' ? b : b.replace(/\n/g, nl), urut: -1 });
      if (!semuaHilang) (out[out.length - 1] as Edit).teks += ' '.repeat(indent);
    } else edit(awalBaris(teks, awal(0)), awalBaris(teks, awal(0)), blok(pertama));
  }
  for (const [k, kunci] of [...tempat].sort((a, b) => a[0] - b[0])) {
    const s = sisipBaris(teks, setelahBaris(teks, akhir(k)), blok(kunci), nl);
    out.push({ dari: s.pos, sampai: s.pos, teks: s.teks, urut: nomor() });
  }
  return out;
}

/** A new subtree with its keys in the schema's order (new objects are built in the order changes come). */
function urutkanBaru(v: unknown, jalur: Jalur, opsi: OpsiSunting): unknown {
  if (Array.isArray(v)) return v.map((x, i) => urutkanBaru(x, [...jalur, i], opsi));
  if (!isObj(v)) return v;
  const kunci = Object.keys(v).sort((a, b) => kunciUrut(opsi, jalur, a, b));
  return Object.fromEntries(kunci.map((k) => [k, urutkanBaru(v[k], [...jalur, k], opsi)]));
}

function renderSisipan(teks: string, sp: Sisipan, opsi: OpsiSunting, nl: string, kutip: Kutip, nomor: () => number): Edit[] {
  const Y = yaml();
  sp.isi = urutkanBaru(sp.isi, sp.jalur, opsi) as Sisipan['isi'];
  const out: Edit[] = [];
  if (Y.isMap(sp.wadah)) throw new Error('sunting-yaml: peta dirender oleh renderPeta');
  const q = sp.wadah as YAMLSeq;
  const baru = sp.isi as unknown[];
  const kunciPilih = [...sp.pilih.values()][0]?.kunci ?? 'id';
  const idAda = q.items.map((x) => (Y.isMap(x) ? idNode(x as YAMLMap, kunciPilih) : undefined));
  // Group new items by the index they go to among the existing ones (several may share one place).
  const grup = new Map<number, unknown[]>();
  for (const item of baru) {
    const id = idItem(item, kunciPilih) as string;
    const p = sp.pilih.get(id) as Pilih;
    const idx = posisiItemBaru(idAda, p);
    const g = grup.get(idx) ?? [];
    g.push(item);
    grup.set(idx, g);
  }
  const urutGrup = (items: unknown[]): unknown[] => {
    const p = sp.pilih.values().next().value as Pilih;
    return [...items].sort((a, b) => p.urutan.indexOf(idItem(a, kunciPilih) as string) - p.urutan.indexOf(idItem(b, kunciPilih) as string));
  };
  const gayaSaudara: 'flow' | 'blok' | undefined = q.items.length === 0 ? undefined : q.items.every((x) => (x as { flow?: boolean }).flow) ? 'flow' : 'blok';
  for (const [idx, itemsAcak] of grup) {
    const items = urutGrup(itemsAcak);
    if (q.flow || sp.flow) {
      if (q.items.length === 0) {
        const [awal, akhir] = rentang(q);
        if (sp.pasangan && !sp.flow && !items.every((x) => cocokFlow(x, kutip))) {
          // `node: []` becomes a block list under its key.
          const indent = kolom(teks, rentang(sp.pasangan.key)[0]) + 2;
          const titikDua = teks.indexOf(':', rentang(sp.pasangan.key)[1]);
          const s = sisipBaris(teks, setelahBaris(teks, akhir), items.map((x) => teksItemBlok(x, indent, kutip)).join(''), nl);
          out.push({ dari: titikDua + 1, sampai: akhir, teks: '', urut: nomor() });
          out.push({ dari: s.pos, sampai: s.pos, teks: s.teks, urut: nomor() });
        } else out.push({ dari: awal, sampai: akhir, teks: `[${items.map((x) => teksFlow(x, kutip)).join(', ')}]`, urut: nomor() });
        continue;
      }
      const teksItems = items.map((x) => teksFlow(x, kutip)).join(', ');
      if (idx > 0) {
        const akhir = rentang(q.items[idx - 1])[1];
        out.push({ dari: akhir, sampai: akhir, teks: `, ${teksItems}`, urut: nomor() });
      } else {
        const awal = rentang(q.items[0])[0];
        out.push({ dari: awal, sampai: awal, teks: `${teksItems}, `, urut: nomor() });
      }
      continue;
    }
    const contoh = q.items[0];
    const awalContoh = rentang(contoh)[0];
    const barisContoh = teks.slice(awalBaris(teks, awalContoh), awalContoh);
    const indent = Math.max(0, barisContoh.indexOf('-'));
    const blok = items.map((x) => teksItemBlok(x, indent, kutip, gayaSaudara)).join('');
    let pos: number;
    if (idx > 0) pos = setelahBaris(teks, rentang(q.items[idx - 1])[1]);
    else pos = awalKomentar(teks, awalBaris(teks, rentang(q.items[0])[0]), indent);
    const s = sisipBaris(teks, pos, blok, nl);
    out.push({ dari: s.pos, sampai: s.pos, teks: s.teks, urut: nomor() });
  }
  return out;
}

function renderIsiKosong(teks: string, ik: IsiKosong, nl: string, kutip: Kutip, nomor: () => number): Edit[] {
  const p = ik.pasangan;
  const isi = ik.bungkus[ik.kunci];
  const nilaiNode = p.value as unknown;
  const [awalKunci, akhirKunci] = rentang(p.key);
  const titikDua = teks.indexOf(':', akhirKunci);
  const adaNode = nilaiNode !== null && nilaiNode !== undefined;
  const [dari, sampai] = adaNode ? rentang(nilaiNode) : [titikDua + 1, titikDua + 1];
  if (ik.flow || cocokFlow(isi, kutip) || (Array.isArray(isi) && isi.length === 0)) {
    const pre = dari === titikDua + 1 ? ' ' : '';
    return [{ dari, sampai, teks: `${pre}${teksFlow(isi, kutip, ik.kunci)}`, urut: nomor() }];
  }
  // `papbd:` (or `papbd: null`) becomes a block under the key, after any comment on its line.
  const indent = kolom(teks, awalKunci) + 2;
  const s = sisipBaris(teks, setelahBaris(teks, Math.max(sampai, titikDua + 1)), teksBlok(isi, indent, kutip, undefined, ik.kunci), nl);
  const edits: Edit[] = [];
  if (sampai > dari) edits.push({ dari: titikDua + 1, sampai, teks: '', urut: nomor() });
  edits.push({ dari: s.pos, sampai: s.pos, teks: s.teks, urut: nomor() });
  return edits;
}

function terapkanEdit(teks: string, edits: Edit[]): string {
  // At one offset an insertion goes before a replacement or removal starting there: "insert before X".
  const lebar = (e: Edit): number => (e.sampai > e.dari ? 1 : 0);
  const urut = [...edits].sort((a, b) => a.dari - b.dari || lebar(a) - lebar(b) || a.urut - b.urut);
  for (let i = 1; i < urut.length; i++) {
    const a = urut[i - 1] as Edit;
    const b = urut[i] as Edit;
    if (b.dari < a.sampai) throw new Error('sunting-yaml: dua suntingan bertumpuk');
  }
  let out = '';
  let pos = 0;
  for (const e of urut) {
    out += teks.slice(pos, e.dari) + e.teks;
    pos = e.sampai;
  }
  return out + teks.slice(pos);
}

/** Deep equality of plain values (key order of maps ignored). */
export function samaNilai(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => samaNilai(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => samaNilai(a[k], b[k]));
  }
  return false;
}
