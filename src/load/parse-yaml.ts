import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import type { Document, LineCounter, YAMLError } from 'yaml';
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import { lewatKedalaman, MAKS_KEDALAMAN, periksaNilai } from './batas.js';
import { posisiOffset } from './position.js';
import { OPSI_YAML, SKEMA_INTI_12 } from './skema-yaml.js';

export interface HasilParse {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain value; undefined when the file has a syntax error (its content cannot be trusted). */
  value: unknown;
  /** false when a syntax error (LKJ101) was found; duplicate keys alone keep the value usable. */
  ok: boolean;
  diagnostics: Diagnostic[];
}

// yaml's messages are English and technical; say in Indonesian what usually causes each.
const PENJELASAN: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'indentasi tidak tepat',
  BAD_SCALAR_START: 'nilai diawali karakter khusus (@, `, %, |, >) tanpa tanda kutip',
  BAD_DQ_ESCAPE: 'urutan escape tidak sah di dalam tanda kutip ganda',
  BLOCK_AS_IMPLICIT_KEY: 'kunci tidak diikuti titik dua, atau sebuah blok dipakai sebagai kunci',
  MULTILINE_IMPLICIT_KEY: 'kunci tidak diikuti titik dua, atau kunci melewati satu baris',
  MISSING_CHAR: 'ada karakter penutup yang hilang (tanda kutip, ], } atau titik dua)',
  UNEXPECTED_TOKEN: 'ada karakter yang tidak diharapkan di sini',
  TAB_AS_INDENT: 'tab dipakai untuk indentasi; YAML hanya menerima spasi',
  MULTIPLE_DOCS: 'berkas berisi lebih dari satu dokumen (---); satu berkas hanya boleh satu dokumen',
  BAD_ALIAS: 'alias (*nama) tidak sah',
  ALIAS_PROPS: 'alias (*nama) tidak boleh punya tag atau anchor',
  BLOCK_IN_FLOW: 'blok tidak boleh berada di dalam [ ] atau { }',
  TAG_RESOLVE_FAILED: 'tag YAML tidak dikenal',
  NON_STRING_KEY: 'kunci harus berupa teks',
  KEY_OVER_1024_CHARS: 'kunci lebih dari 1024 karakter',
  BAD_COLLECTION_TYPE: 'jenis koleksi tidak sesuai tag-nya',
};

function kunciDi(text: string, offset: number): string {
  const sisa = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const m = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^:#]+?)\s*:/.exec(sisa);
  return (m?.[1] ?? sisa.trim()).replace(/^["']|["']$/g, '');
}

/**
 * Parses one YAML text; every problem becomes a diagnostic with file:line:column.
 *
 * Two parsers, for speed: `yaml`'s Document (exact positions of every node) is several times
 * slower than js-yaml, and positions are only needed for files that have a problem. So a clean
 * file is read with js-yaml and its Document is parsed lazily, the first time a diagnostic asks for
 * a position. Anything unusual (a js-yaml error, duplicate keys, anchors/aliases, tags) takes the
 * full path, which reports it exactly. Both read with the same YAML 1.2 core schema
 * (skema-yaml.ts), so which path a file takes never changes its values.
 */
/**
 * Keys the two parsers turn into object keys differently: a null key (`~:`, `null:`, an empty key)
 * is "null" for js-yaml and "" for `yaml`; a collection as key (`? [a, b]`) is stringified
 * differently ("a,b", "[object Object]"). Such keys are rare in data files: a value that has one
 * is read again on the full path, so the values never differ. (A real key "null" takes that path
 * too, harmlessly.) Walks without recursion; depth is bounded before.
 */
function kunciMeragukan(value: unknown): boolean {
  const tumpukan: unknown[] = [value];
  while (tumpukan.length > 0) {
    const v = tumpukan.pop();
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) tumpukan.push(x);
    } else if (typeof v === 'object' && v !== null) {
      for (const k in v) {
        if (k === 'null' || k === '' || k.includes(',') || k.startsWith('[object ')) return true;
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'object' && x !== null) tumpukan.push(x);
      }
    }
  }
  return false;
}

export function parseYaml(text: string, file: string): HasilParse {
  // Both parsers recurse once per nesting level: `[[[[...]]]]` thousands deep overflows the stack.
  const terlaluDalam = lewatKedalaman(text);
  if (terlaluDalam) return tanpaIsi(text, diagnosaDalam(file, text, terlaluDalam.offset));
  if (!/(^|[\s\[{,:-])[&*!][^\s]/.test(text)) {
    let value: unknown;
    try {
      value = jsYaml.load(text, { schema: SKEMA_INTI_12, filename: file });
    } catch {
      return parseLengkap(text, file);
    }
    const masalah = periksaNilai(value);
    if (masalah || kunciMeragukan(value)) return parseLengkap(text, file);
    let lengkap: HasilParse | undefined;
    const muat = (): HasilParse => (lengkap ??= parseLengkap(text, file));
    return {
      get doc() {
        return muat().doc;
      },
      get lineCounter() {
        return muat().lineCounter;
      },
      value,
      ok: true,
      diagnostics: [],
    };
  }
  return parseLengkap(text, file);
}

const require = createRequire(import.meta.url);
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

const isStackOverflow = (err: unknown): boolean => err instanceof RangeError || /call stack size/i.test(String((err as Error)?.message));

/** Line:column of an offset, counting newlines (no parse needed). */
function posisiTeks(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let awal = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    awal = i + 1;
  }
  return { line, column: offset - awal + 1 };
}

function diagnosaDalam(file: string, text: string, offset?: number): Diagnostic {
  const pos = offset === undefined ? { line: 1, column: 1 } : posisiTeks(text, offset);
  return diagnosa('LKJ108', { batas: MAKS_KEDALAMAN }, { file, ...pos });
}

/** A file that cannot be parsed safely: no value, an empty Document (positions come from the diagnostics). */
function tanpaIsi(text: string, d: Diagnostic): HasilParse {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return { doc: parseDocument(''), lineCounter, value: undefined, ok: false, diagnostics: [d] };
}

/** The fast path alone (js-yaml with the 1.2 core schema); throws on anything js-yaml rejects. For tests. */
export function bacaJsYaml(text: string): unknown {
  return jsYaml.load(text, { schema: SKEMA_INTI_12 });
}

/** The full path alone (`yaml` Document), whatever the text holds. For tests and diagnostics. */
export function parseLengkap(text: string, file: string): HasilParse {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...OPSI_YAML, lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (err) {
    if (isStackOverflow(err)) return tanpaIsi(text, diagnosaDalam(file, text));
    throw err;
  }
  const diagnostics: Diagnostic[] = [];
  let ok = true;
  for (const e of tanpaAkibatTab(doc.errors, lineCounter)) {
    const pos = posisiOffset(lineCounter, e.pos[0]);
    if (isStackOverflow(e)) {
      return tanpaIsi(text, diagnosaDalam(file, text, e.pos[0]));
    }
    if (e.code === 'DUPLICATE_KEY') {
      const kunci = kunciDi(text, e.pos[0]);
      diagnostics.push(diagnosa('LKJ102', { kunci }, { file, ...pos, found: kunci }));
    } else {
      ok = false;
      const detail = `${PENJELASAN[e.code] ?? 'kesalahan sintaks'} (yaml: ${e.message.split('\n')[0]})`;
      diagnostics.push(diagnosa('LKJ101', { detail, ...(e.code === 'TAB_AS_INDENT' ? { tab: true } : {}) }, { file, ...pos }));
    }
  }
  for (const w of doc.warnings) {
    const pos = posisiOffset(lineCounter, w.pos[0]);
    const detail = `${PENJELASAN[w.code] ?? 'peringatan sintaks'} (yaml: ${w.message.split('\n')[0]})`;
    diagnostics.push(diagnosa('LKJ101', { detail }, { file, ...pos, severity: 'warning' }));
  }
  let value: unknown;
  if (ok) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      ok = false;
      const pesan = err instanceof Error ? err.message : String(err);
      if (isStackOverflow(err)) diagnostics.push(diagnosaDalam(file, text));
      else {
        const detail = /alias count/i.test(pesan)
          ? 'alias (*nama) dipakai berlapis-lapis sehingga datanya mengembang menjadi sangat besar ' +
            '(pola "billion laughs"); tulis datanya langsung tanpa alias berantai'
          : `kesalahan sintaks (yaml: ${pesan.split('\n')[0]})`;
        diagnostics.push(diagnosa('LKJ101', { detail }, { file, line: 1, column: 1 }));
      }
    }
  }
  if (ok) {
    const masalah = periksaNilai(value);
    if (masalah) {
      ok = false;
      value = undefined;
      diagnostics.push(
        masalah.jenis === 'dalam'
          ? diagnosaDalam(file, text)
          : diagnosa(
              'LKJ101',
              { detail: 'sebuah alias (*nama) menunjuk ke anchor (&nama) yang melingkupinya sendiri, sehingga datanya melingkar tanpa ujung' },
              { file, ...(posisiAlias(text) ?? { line: 1, column: 1 }) },
            ),
      );
    }
  }
  return { doc, lineCounter, value, ok, diagnostics };
}

/**
 * A tab used for indentation throws the parser off for the rest of its line and the next one
 * (a block taken as a key, a missing map value, items at different columns): those errors are
 * consequences, and reporting them only hides the one cause. Keeps the tab errors (first) and every
 * other error that is not on a tab's line or the line after it.
 */
function tanpaAkibatTab(errors: readonly YAMLError[], lineCounter: LineCounter): YAMLError[] {
  const barisTab = new Set(errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lineCounter.linePos(e.pos[0]).line));
  if (barisTab.size === 0) return [...errors];
  const akibat = (e: YAMLError): boolean => {
    const baris = lineCounter.linePos(e.pos[0]).line;
    return barisTab.has(baris) || barisTab.has(baris - 1);
  };
  return [...errors.filter((e) => e.code === 'TAB_AS_INDENT'), ...errors.filter((e) => e.code !== 'TAB_AS_INDENT' && (e.code === 'DUPLICATE_KEY' || !akibat(e)))];
}

/** The first alias in a text, to point a cycle diagnostic somewhere useful. */
function posisiAlias(text: string): { line: number; column: number } | undefined {
  const m = /(^|[\s\[{,:-])\*[^\s,\[\]{}]+/.exec(text);
  return m ? posisiTeks(text, m.index + m[1]!.length) : undefined;
}
