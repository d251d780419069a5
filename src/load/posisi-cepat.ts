/**
 * Where each value of a YAML data file starts, found by one pass over the text instead of the full
 * `yaml` Document (which costs tens of milliseconds per large file, and `validate` reports located
 * warnings in the largest files of every data set). It understands the shapes data files are
 * written in: block mappings and sequences, one-line flow collections, plain, quoted and block
 * scalars, comments. Anything else (tabs, anchors, tags, complex keys, flow collections over
 * several lines, documents markers other than a leading `---`) makes it give up, and the caller
 * asks the full Document instead. test/load/posisi-cepat.test.ts compares it with the Document on
 * every node of every data file and fixture.
 */
import type { Posisi } from './position.js';

interface Simpul {
  /** Offset where the node starts (its first character; for a block map its first key). */
  awal: number;
  jenis: 'peta' | 'daftar' | 'skalar' | 'kosong';
  /** Map entries in order: key text, key offset, value node. */
  pasangan?: { kunci: string; awalKunci: number; nilai: Simpul }[];
  butir?: Simpul[];
}

class Menyerah extends Error {}
const menyerah = (): never => {
  throw new Menyerah();
};

/** The parsed outline of one text: every node with its offset. */
export interface IndeksPosisi {
  akar: Simpul | undefined;
  awalBaris: number[];
}

/** Builds the outline, or undefined when the text uses something the fast reader does not handle. */
export function indeksPosisi(text: string): IndeksPosisi | undefined {
  try {
    return new Pembaca(text).baca();
  } catch (e) {
    if (e instanceof Menyerah) return undefined;
    throw e;
  }
}

class Pembaca {
  private readonly n: number;
  private readonly awalBaris: number[] = [0];

  constructor(private readonly t: string) {
    this.n = t.length;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) this.awalBaris.push(i + 1);
  }

  baca(): IndeksPosisi {
    // Anchors, aliases and tags (the same test parse-yaml.ts routes such files by), and tabs.
    if (this.t.includes('\t') || /(^|[\s[{,:-])[&*!]\S/.test(this.t)) menyerah();
    let p = this.lewatiKosong(0);
    if (this.t[p] === '%') menyerah(); // directives
    if (this.t.startsWith('---', p) && /\s/.test(this.t[p + 3] ?? ' ')) {
      p = this.akhirBaris(p);
      p = this.lewatiKosong(p);
    }
    // A later `---` or `...` line is neither a key nor an item: reading stops there and gives up.
    if (p >= this.n) return { akar: undefined, awalBaris: this.awalBaris };
    const { simpul, sesudah } = this.blok(p, this.kolom(p));
    if (this.lewatiKosong(sesudah) < this.n) menyerah();
    return { akar: simpul, awalBaris: this.awalBaris };
  }

  // ---- text helpers --------------------------------------------------------------------------

  private kolom(p: number): number {
    return p - this.awalBarisDari(p);
  }

  private awalBarisDari(p: number): number {
    const i = this.t.lastIndexOf('\n', p - 1);
    return i + 1;
  }

  private akhirBaris(p: number): number {
    const i = this.t.indexOf('\n', p);
    return i === -1 ? this.n : i + 1;
  }

  /** Skips spaces, newlines and comments (a `#` at a line start or after a space). */
  private lewatiKosong(p: number): number {
    while (p < this.n) {
      const c = this.t[p];
      if (c === ' ' || c === '\n' || c === '\r') p++;
      else if (c === '#' && (p === 0 || /\s/.test(this.t[p - 1] ?? ''))) p = this.akhirBaris(p);
      else break;
    }
    return p;
  }

  /** Skips spaces and a comment to the end of the line; true when nothing else is on it. */
  private sisaBarisKosong(p: number): boolean {
    while (p < this.n && this.t[p] === ' ') p++;
    return p >= this.n || this.t[p] === '\n' || this.t[p] === '\r' || this.t[p] === '#';
  }

  private spasi(p: number): number {
    while (p < this.n && this.t[p] === ' ') p++;
    return p;
  }

  private diAwalIsiBaris(p: number): boolean {
    for (let i = p - 1; i >= 0; i--) {
      const c = this.t.charCodeAt(i);
      if (c === 10) return true;
      if (c !== 32 && c !== 13) return false;
    }
    return true;
  }

  // ---- block context -------------------------------------------------------------------------

  /** A block node starting at `p` (first character of content, at column `kol`). */
  private blok(p: number, kol: number): { simpul: Simpul; sesudah: number } {
    const c = this.t[p];
    if (c === '-' && /[ \n\r]/.test(this.t[p + 1] ?? '\n')) return this.daftarBlok(p, kol);
    if (c === '?' && /[ \n\r]/.test(this.t[p + 1] ?? '\n')) menyerah();
    const k = this.kunciDi(p);
    if (k) return this.petaBlok(p, kol);
    return this.nilaiSebaris(p, kol - 1);
  }

  /** A key at `p` (`nama:` or `"nama":` followed by a space or the line end): its text and where its value begins. */
  private kunciDi(p: number): { kunci: string; setelah: number } | undefined {
    const c = this.t[p];
    let q: number;
    let kunci: string;
    if (c === '"' || c === "'") {
      const akhir = this.akhirKutip(p);
      if (akhir >= this.n || this.t.slice(p, akhir).includes('\n')) return undefined;
      kunci = this.isiKutip(p, akhir);
      q = this.spasi(akhir);
    } else {
      if (c === '[' || c === '{' || c === '#' || c === '|' || c === '>' || c === '@' || c === '`' || c === '%') return undefined;
      q = p;
      while (q < this.n && this.t[q] !== '\n') {
        if (this.t[q] === ':' && /[ \n\r]/.test(this.t[q + 1] ?? '\n')) break;
        if (this.t[q] === '#' && this.t[q - 1] === ' ') return undefined;
        q++;
      }
      if (this.t[q] !== ':') return undefined;
      kunci = this.t.slice(p, q).trimEnd();
      if (kunci === '') menyerah();
      kunci = this.skalarPolosKeTeks(kunci);
    }
    if (this.t[q] !== ':' || !/[ \n\r]/.test(this.t[q + 1] ?? '\n')) return undefined;
    return { kunci, setelah: q + 1 };
  }

  private petaBlok(p: number, kol: number): { simpul: Simpul; sesudah: number } {
    const pasangan: NonNullable<Simpul['pasangan']> = [];
    let q = p;
    for (;;) {
      const k = this.kunciDi(q);
      if (!k) menyerah();
      const { kunci, setelah } = k as { kunci: string; setelah: number };
      const nilai = this.nilaiSetelahKunci(setelah, kol);
      pasangan.push({ kunci, awalKunci: q, nilai: nilai.simpul });
      const berikut = this.lewatiKosong(nilai.sesudah);
      if (berikut >= this.n || this.kolom(berikut) !== kol || !this.diAwalIsiBaris(berikut)) {
        if (berikut < this.n && this.kolom(berikut) > kol && this.diAwalIsiBaris(berikut)) menyerah();
        return { simpul: { awal: p, jenis: 'peta', pasangan }, sesudah: nilai.sesudah };
      }
      if (this.t[berikut] === '-' && /[ \n\r]/.test(this.t[berikut + 1] ?? '\n')) {
        return { simpul: { awal: p, jenis: 'peta', pasangan }, sesudah: nilai.sesudah };
      }
      q = berikut;
    }
  }

  /** The value after `key:` of a map at column `kol`. */
  private nilaiSetelahKunci(p: number, kol: number): { simpul: Simpul; sesudah: number } {
    const q = this.spasi(p);
    if (!this.sisaBarisKosong(q)) return this.nilaiSebaris(q, kol);
    const berikut = this.lewatiKosong(q);
    if (berikut < this.n && this.diAwalIsiBaris(berikut)) {
      const k = this.kolom(berikut);
      if (k > kol) return this.blok(berikut, k);
      // A sequence may sit at its key's own indentation.
      if (k === kol && this.t[berikut] === '-' && /[ \n\r]/.test(this.t[berikut + 1] ?? '\n')) return this.daftarBlok(berikut, k);
    }
    return { simpul: { awal: p, jenis: 'kosong' }, sesudah: this.akhirBaris(q) };
  }

  private daftarBlok(p: number, kol: number): { simpul: Simpul; sesudah: number } {
    const butir: Simpul[] = [];
    let q = p;
    let sesudah = p;
    for (;;) {
      const isi = this.spasi(q + 1);
      let b: { simpul: Simpul; sesudah: number };
      if (this.sisaBarisKosong(isi)) {
        const berikut = this.lewatiKosong(isi);
        if (berikut < this.n && this.diAwalIsiBaris(berikut) && this.kolom(berikut) > kol) b = this.blok(berikut, this.kolom(berikut));
        else b = { simpul: { awal: isi, jenis: 'kosong' }, sesudah: this.akhirBaris(isi) };
      } else {
        // `- key: value` opens a map whose keys are at the column after "- ".
        b = this.blok(isi, this.kolom(isi));
      }
      butir.push(b.simpul);
      sesudah = b.sesudah;
      const berikut = this.lewatiKosong(sesudah);
      if (berikut < this.n && this.diAwalIsiBaris(berikut) && this.kolom(berikut) === kol && this.t[berikut] === '-' && /[ \n\r]/.test(this.t[berikut + 1] ?? '\n')) {
        q = berikut;
        continue;
      }
      if (berikut < this.n && this.diAwalIsiBaris(berikut) && this.kolom(berikut) > kol) menyerah();
      return { simpul: { awal: p, jenis: 'daftar', butir }, sesudah };
    }
  }

  /**
   * A value that starts on the current line: a flow collection, a quoted, block or plain scalar
   * (a plain one may go on over more indented lines). `kolInduk` is the column of its map or item.
   */
  private nilaiSebaris(p: number, kolInduk: number): { simpul: Simpul; sesudah: number } {
    const c = this.t[p];
    if (c === '{' || c === '[') {
      const { simpul, sesudah } = this.aliran(p);
      if (!this.sisaBarisKosong(sesudah)) menyerah();
      return { simpul, sesudah: this.akhirBaris(sesudah) };
    }
    if (c === '"' || c === "'") {
      const akhir = this.akhirKutip(p);
      if (akhir > this.n) menyerah();
      if (!this.sisaBarisKosong(akhir)) {
        // `"a": b` at block level would be a key: not a value
        menyerah();
      }
      return { simpul: { awal: p, jenis: 'skalar' }, sesudah: this.akhirBaris(akhir) };
    }
    if (c === '|' || c === '>') {
      // Block scalar: its text is every following line more indented than the parent (or empty).
      let q = this.akhirBaris(p);
      while (q < this.n) {
        const isi = this.spasi(q);
        const kosong = isi >= this.n || this.t[isi] === '\n' || this.t[isi] === '\r';
        if (!kosong && isi - q <= kolInduk) break;
        q = this.akhirBaris(q);
      }
      return { simpul: { awal: p, jenis: 'skalar' }, sesudah: q };
    }
    if (c === '-' && /[ \n\r]/.test(this.t[p + 1] ?? '\n')) menyerah(); // `key: - x`
    // Plain scalar: to the line end or a comment; then continuation lines indented past the parent.
    let q = p;
    while (q < this.n && this.t[q] !== '\n' && !(this.t[q] === '#' && this.t[q - 1] === ' ')) {
      if (this.t[q] === ':' && /[ \n\r]/.test(this.t[q + 1] ?? '\n')) menyerah(); // a key, not a value
      q++;
    }
    let sesudah = this.akhirBaris(q);
    for (;;) {
      const berikut = this.lewatiKosong(sesudah);
      if (berikut >= this.n || !this.diAwalIsiBaris(berikut) || this.kolom(berikut) <= kolInduk) break;
      // Only plain text can continue a plain scalar; a comment in between ends it (YAML forbids that).
      if (this.t.slice(sesudah, berikut).includes('#')) menyerah();
      if (this.kunciDi(berikut) || /^[-?](\s|$)/.test(this.t.slice(berikut, berikut + 2))) menyerah();
      sesudah = this.akhirBaris(berikut);
    }
    return { simpul: { awal: p, jenis: 'skalar' }, sesudah };
  }

  // ---- flow context (one line) --------------------------------------------------------------

  private aliran(p: number): { simpul: Simpul; sesudah: number } {
    const tutup = this.t[p] === '{' ? '}' : ']';
    const peta = tutup === '}';
    const pasangan: NonNullable<Simpul['pasangan']> = [];
    const butir: Simpul[] = [];
    let q = this.spasiSebaris(p + 1);
    if (this.t[q] === tutup) return { simpul: { awal: p, jenis: peta ? 'peta' : 'daftar', ...(peta ? { pasangan } : { butir }) }, sesudah: q + 1 };
    for (;;) {
      if (peta) {
        const kunci = this.skalarAliran(q, true);
        let r = this.spasiSebaris(kunci.sesudah);
        if (this.t[r] !== ':') menyerah();
        r = this.spasiSebaris(r + 1);
        let nilai: { simpul: Simpul; sesudah: number };
        if (this.t[r] === ',' || this.t[r] === '}') nilai = { simpul: { awal: r, jenis: 'kosong' }, sesudah: r };
        else nilai = this.nilaiAliran(r);
        pasangan.push({ kunci: kunci.teks, awalKunci: q, nilai: nilai.simpul });
        q = this.spasiSebaris(nilai.sesudah);
      } else {
        const nilai = this.nilaiAliran(q);
        const r = this.spasiSebaris(nilai.sesudah);
        if (this.t[r] === ':') menyerah(); // `[a: 1]`: a single-pair map in a sequence
        butir.push(nilai.simpul);
        q = r;
      }
      if (this.t[q] === ',') {
        q = this.spasiSebaris(q + 1);
        if (this.t[q] === tutup) return { simpul: { awal: p, jenis: peta ? 'peta' : 'daftar', ...(peta ? { pasangan } : { butir }) }, sesudah: q + 1 };
        continue;
      }
      if (this.t[q] === tutup) return { simpul: { awal: p, jenis: peta ? 'peta' : 'daftar', ...(peta ? { pasangan } : { butir }) }, sesudah: q + 1 };
      menyerah();
    }
  }

  private spasiSebaris(p: number): number {
    while (p < this.n && this.t[p] === ' ') p++;
    if (p >= this.n || this.t[p] === '\n' || this.t[p] === '\r' || this.t[p] === '#') menyerah(); // flow over several lines
    return p;
  }

  private nilaiAliran(p: number): { simpul: Simpul; sesudah: number } {
    const c = this.t[p];
    if (c === '{' || c === '[') return this.aliran(p);
    const s = this.skalarAliran(p, false);
    return { simpul: { awal: p, jenis: 'skalar' }, sesudah: s.sesudah };
  }

  /** A scalar inside [ ] or { }: quoted, or plain up to , ] } or (for a key) `:`. */
  private skalarAliran(p: number, kunci: boolean): { teks: string; sesudah: number } {
    const c = this.t[p];
    if (c === '"' || c === "'") {
      const akhir = this.akhirKutip(p);
      if (akhir > this.n || this.t.slice(p, akhir).includes('\n')) menyerah();
      return { teks: this.isiKutip(p, akhir), sesudah: akhir };
    }
    if (c === '{' || c === '[' || c === ',' || c === ']' || c === '}' || c === '?' || c === '|' || c === '>') menyerah();
    let q = p;
    while (q < this.n && this.t[q] !== '\n') {
      const x = this.t[q];
      if (x === ',' || x === ']' || x === '}' || x === '[' || x === '{') break;
      if (x === ':' && (kunci || /[ ,\]}]/.test(this.t[q + 1] ?? ' '))) break;
      if (x === '#' && this.t[q - 1] === ' ') menyerah();
      q++;
    }
    if (q >= this.n || this.t[q] === '\n' || this.t[q] === '[' || this.t[q] === '{') menyerah();
    const teks = this.t.slice(p, q).trimEnd();
    if (teks === '') menyerah();
    return { teks: kunci ? this.skalarPolosKeTeks(teks) : teks, sesudah: p + teks.length };
  }

  // ---- scalars ---------------------------------------------------------------------------------

  /** Offset just after the closing quote of a quoted scalar starting at `p` (may span lines). */
  private akhirKutip(p: number): number {
    const q = this.t[p];
    let i = p + 1;
    while (i < this.n) {
      const c = this.t[i];
      if (q === '"' && c === '\\') {
        i += 2;
        continue;
      }
      if (c === q) {
        if (q === "'" && this.t[i + 1] === "'") {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return this.n + 1;
  }

  /** The text of a quoted key (escapes resolved the simple way; keys of data files are plain words). */
  private isiKutip(p: number, akhir: number): string {
    const isi = this.t.slice(p + 1, akhir - 1);
    if (this.t[p] === "'") return isi.replace(/''/g, "'");
    if (isi.includes('\\')) menyerah();
    return isi;
  }

  /** A plain key as the parsers name it: null-, bool- or number-like keys are named differently (give up). */
  private skalarPolosKeTeks(s: string): string {
    if (/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(s)) menyerah();
    if (/^[-+]?(?:\.?[0-9]|0[ox])/.test(s) && !/^\d{4}$/.test(s)) {
      // Numbers as keys: a year ("2024") reads back as itself; other numeric forms may not.
      menyerah();
    }
    return s;
  }
}

/** The path segments of an ajv / JSON Pointer instancePath. */
function segmen(instancePath: string): string[] {
  if (instancePath === '' || instancePath === '/') return [];
  return instancePath
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The position of an instancePath in an outline, by the rules of `posisiNode` (position.ts): the
 * value node; with `kunci` the key of the last segment; a missing segment stops at the deepest
 * node that exists; an empty value points at its key.
 */
export function posisiDariIndeks(ix: IndeksPosisi, instancePath: string, opsi: { kunci?: boolean } = {}): Posisi | undefined {
  let node = ix.akar;
  if (!node) return undefined;
  let awalKunciTerakhir: number | undefined;
  const segs = segmen(instancePath);
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    let berikut: Simpul | undefined;
    let kunci: number | undefined;
    if (node.jenis === 'peta') {
      const pair: NonNullable<Simpul["pasangan"]>[number] | undefined = node.pasangan?.find((x) => x.kunci === seg);
      if (pair) {
        berikut = pair.nilai;
        kunci = pair.awalKunci;
        if (opsi.kunci && i === segs.length - 1) return letak(ix, pair.awalKunci);
      }
    } else if (node.jenis === 'daftar') {
      const idx = Number(seg);
      if (Number.isInteger(idx)) berikut = node.butir?.[idx];
    }
    if (berikut === undefined && kunci === undefined) break;
    if (berikut === undefined || berikut.jenis === 'kosong') return letak(ix, kunci ?? node.awal);
    node = berikut;
    awalKunciTerakhir = kunci;
  }
  return letak(ix, node.jenis === 'kosong' ? (awalKunciTerakhir ?? node.awal) : node.awal);
}

function letak(ix: IndeksPosisi, offset: number): Posisi {
  // The last line start at or before the offset.
  let lo = 0;
  let hi = ix.awalBaris.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((ix.awalBaris[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (ix.awalBaris[lo] as number) + 1 };
}
