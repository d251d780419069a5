/**
 * Limits that keep hostile or broken input from hanging or crashing the tool: a file too large, bytes
 * that are not UTF-8, nesting so deep that the (recursive) YAML parsers and ajv overflow the stack,
 * and alias cycles. Each check is linear in the input and never recurses.
 */

/** Largest data file read: ~100 times the largest real file, twice the 50x synthetic benchmark. */
export const MAKS_UKURAN_BERKAS = 5 * 1024 * 1024;

/** Deepest nesting accepted. Real data is at most 8 deep; the parsers overflow around a few thousand. */
export const MAKS_KEDALAMAN = 64;

export function tampilkanUkuran(byte: number): string {
  if (byte < 1024) return `${byte} byte`;
  const satuan = byte < 1024 * 1024 ? ['KB', 1024] as const : ['MB', 1024 * 1024] as const;
  return `${(byte / satuan[1]).toFixed(1).replace('.', ',')} ${satuan[0]}`;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF), or -1 when the whole buffer is valid.
 */
export function byteRusakUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let perlu: number;
    let min: number;
    let maks = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      perlu = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      perlu = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) maks = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      perlu = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) maks = 0x8f;
    } else {
      return i;
    }
    if (i + perlu >= n) return i; // cut off at the end
    const kedua = buf[i + 1] as number;
    if (kedua < min || kedua > maks) return i;
    for (let k = 2; k <= perlu; k++) {
      const c = buf[i + k] as number;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += perlu + 1;
  }
  return -1;
}

/** 1-based line and column of a byte offset in a buffer whose bytes before `offset` are valid UTF-8. */
export function posisiByte(buf: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let awalBaris = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      awalBaris = i + 1;
    }
  }
  const kolom = new TextDecoder().decode(buf.subarray(awalBaris, offset));
  return { line, column: [...kolom].length + 1 };
}

/**
 * An estimate (never much below the truth) of how deeply a YAML text nests, without parsing it:
 * block indentation levels, compact `- ` / `? ` items on one line and [ ] { } flow brackets outside
 * quotes, comments and block scalars. Returns where it first passes `batas`, or undefined.
 * This runs before the parsers, which recurse once per level and overflow the stack on
 * `[[[[...]]]]` thousands deep.
 */
export function lewatKedalaman(text: string, batas = MAKS_KEDALAMAN): { offset: number } | undefined {
  const indentasi: number[] = [];
  let flow = 0;
  let kutip: '"' | "'" | undefined;
  /** Indentation of the line that opened a block scalar (| or >); deeper lines are its text. */
  let blokSkalar: number | undefined;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let akhir = text.indexOf('\n', pos);
    if (akhir === -1) akhir = n;
    let i = pos;
    let tambahan = 0;
    let awalSkalar = true;
    /** Where the line's content starts, when the line started outside quotes and flow (block scalars can open there). */
    let awalIsi: number | undefined;
    let indentBaris = 0;
    if (kutip === undefined && flow === 0) {
      while (i < akhir && text[i] === ' ') i++;
      const indent = i - pos;
      indentBaris = indent;
      const kosong = i >= akhir || text[i] === '#' || text[i] === '\r';
      if (blokSkalar !== undefined && (kosong || indent > blokSkalar)) {
        pos = akhir + 1;
        continue;
      }
      blokSkalar = undefined;
      if (kosong) {
        pos = akhir + 1;
        continue;
      }
      while (indentasi.length > 0 && (indentasi[indentasi.length - 1] as number) >= indent) indentasi.pop();
      indentasi.push(indent);
      // `- - - x` and `? - x`: each indicator opens a collection on the same line.
      while (i < akhir && (text[i] === '-' || text[i] === '?') && (i + 1 >= akhir || text[i + 1] === ' ' || text[i + 1] === '\r')) {
        tambahan++;
        i++;
        while (i < akhir && text[i] === ' ') i++;
      }
      if (indentasi.length + tambahan > batas) return { offset: i };
      awalIsi = i;
    }
    let adaIndikator = false;
    for (; i < akhir; i++) {
      const c = text[i];
      if (c === '|' || c === '>') adaIndikator = true;
      if (kutip === '"') {
        if (c === '\\') i++;
        else if (c === '"') kutip = undefined;
        continue;
      }
      if (kutip === "'") {
        if (c === "'") {
          if (text[i + 1] === "'") i++;
          else kutip = undefined;
        }
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === pos || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && awalSkalar) {
        kutip = c;
        continue;
      }
      if ((c === '[' || c === '{') && (awalSkalar || flow > 0)) {
        flow++;
        if (indentasi.length + tambahan + flow > batas) return { offset: i };
        awalSkalar = true;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        awalSkalar = false;
        continue;
      }
      if (c === ',' && flow > 0) {
        awalSkalar = true;
        continue;
      }
      if (c === ':' && (i + 1 >= akhir || text[i + 1] === ' ' || text[i + 1] === '\r' || flow > 0)) {
        awalSkalar = true;
        continue;
      }
      if ((c === '-' || c === '?') && awalSkalar && (text[i + 1] === ' ' || i + 1 >= akhir)) continue;
      awalSkalar = false;
    }
    // Only a line with | or > can open a block scalar: the pattern is tested on those alone (it
    // was the costly part of this scan on large files). It applies from the next line on.
    if (awalIsi !== undefined && adaIndikator && /(^|[\s:-])[|>][-+0-9]*[ \t]*(#.*)?\r?$/.test(text.slice(awalIsi, akhir))) blokSkalar = indentBaris;
    pos = akhir + 1;
  }
  return undefined;
}

export type MasalahNilai = { jenis: 'dalam'; kedalaman: number } | { jenis: 'melingkar' };

/**
 * Walks a parsed value without recursion: too deep (more than `batas` levels) or cyclic (an alias
 * to one of its own ancestors, `a: &a [*a]`, which `yaml` turns into a circular object that would
 * send ajv, JSON.stringify and the calculator into endless recursion). Shared, non-cyclic aliases
 * are fine.
 */
export function periksaNilai(value: unknown, batas = MAKS_KEDALAMAN): MasalahNilai | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const leluhur = new Set<object>();
  // 'masuk' pushes a node, 'keluar' pops it from the ancestor set once its children are done.
  const tumpukan: { v: object; d: number; keluar: boolean }[] = [{ v: value, d: 1, keluar: false }];
  while (tumpukan.length > 0) {
    const t = tumpukan.pop() as { v: object; d: number; keluar: boolean };
    if (t.keluar) {
      leluhur.delete(t.v);
      continue;
    }
    if (t.d > batas) return { jenis: 'dalam', kedalaman: t.d };
    if (leluhur.has(t.v)) return { jenis: 'melingkar' };
    // A shared (aliased) subtree is walked again at each use: its depth differs per place, and
    // yaml's maxAliasCount already bounds how many uses there can be.
    leluhur.add(t.v);
    tumpukan.push({ v: t.v, d: t.d, keluar: true });
    const anak = Array.isArray(t.v) ? t.v : Object.values(t.v as Record<string, unknown>);
    for (const a of anak) if (typeof a === 'object' && a !== null) tumpukan.push({ v: a, d: t.d + 1, keluar: false });
  }
  return undefined;
}
