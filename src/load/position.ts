import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';

// `yaml` is loaded only when a position is asked for (a file with a problem): it costs more at
// start-up than reading all the clean files with js-yaml.
const require = createRequire(import.meta.url);
type Yaml = typeof import('yaml');
let yamlModul: Yaml | undefined;
const yaml = (): Yaml => (yamlModul ??= require('yaml') as Yaml);
const isMap = (n: unknown): n is import('yaml').YAMLMap => yaml().isMap(n);
const isSeq = (n: unknown): n is import('yaml').YAMLSeq => yaml().isSeq(n);
const isPair = (n: unknown): n is import('yaml').Pair => yaml().isPair(n);
const isScalar = (n: unknown): n is import('yaml').Scalar => yaml().isScalar(n);

export interface Posisi {
  line: number;
  column: number;
}

/** Splits an ajv/JSON Pointer instancePath (`/indikator/3/realisasi`) into its segments. */
export function segmenPath(instancePath: string): string[] {
  if (instancePath === '' || instancePath === '/') return [];
  return instancePath
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function kunciSama(key: unknown, seg: string): boolean {
  const v = isScalar(key) ? key.value : key;
  return String(v) === seg;
}

/**
 * Maps an instancePath to the line:column of its YAML node (1-based). Points at the value node;
 * with `kunci: true` at the key of the last segment (for an unknown property); where a segment does
 * not exist (a missing property) it stops at the deepest node that does, i.e. the parent map.
 * An empty value (`realisasi:` with nothing after it) points at its key.
 */
export function posisiNode(
  doc: Document,
  lineCounter: LineCounter,
  instancePath: string,
  opsi: { kunci?: boolean } = {},
): Posisi | undefined {
  let node: unknown = doc.contents;
  let kunciTerakhir: unknown;
  const segs = segmenPath(instancePath);
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    let berikut: unknown;
    let kunci: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && kunciSama(p.key, seg));
      if (pair) {
        berikut = pair.value;
        kunci = pair.key;
        if (opsi.kunci && i === segs.length - 1) return posisiDari(lineCounter, pair.key);
      }
    } else if (isSeq(node)) {
      const idx = Number(seg);
      if (Number.isInteger(idx)) berikut = node.items[idx];
    }
    if (berikut === undefined && kunci === undefined) break;
    // `key:` with no value: yaml gives a null scalar (or nothing) at the end of the line.
    if (berikut === null || berikut === undefined || (isScalar(berikut) && berikut.value === null && rangeKosong(berikut))) {
      return posisiDari(lineCounter, kunci) ?? posisiDari(lineCounter, node);
    }
    node = berikut;
    kunciTerakhir = kunci;
  }
  return posisiDari(lineCounter, node) ?? posisiDari(lineCounter, kunciTerakhir);
}

function rangeKosong(n: Node): boolean {
  return !!n.range && n.range[0] === n.range[1];
}

function posisiDari(lc: LineCounter, n: unknown): Posisi | undefined {
  const range = (n as Node | undefined)?.range;
  if (!range) return undefined;
  const p = lc.linePos(range[0]);
  return { line: p.line, column: p.col };
}

export function posisiOffset(lc: LineCounter, offset: number): Posisi {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}
