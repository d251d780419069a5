/**
 * Narrative Markdown (data/<tahun>/narasi/{lkjip,renja}/*.md) to HTML.
 *
 * 1. Handlebars (strict) expands the figure references of `refs.ts`; tables and charts become
 *    unique token lines. 2. markdown-it turns the Markdown into HTML with raw HTML disabled, so a
 *    `<script>` written in a narrative prints as text. 3. The tokens are replaced by the HTML of
 *    the tables and charts.
 * `checkNarasi` checks every reference on the parsed AST without rendering, with positions.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type HandlebarsNs from 'handlebars';
import type MarkdownIt from 'markdown-it';
import type { Diagnostic } from '../diagnostics.js';
import { escapeHtml } from '../export/html-marks.js';
import { slugTabel } from './lkjip-tabel.js';
import type { DataSet } from '../model/types.js';
import type { HandlebarsEnv } from './handlebars-env.js';
import type { KonteksDokumen } from './konteks.js';
import { cariGambar, figurGambar, imgGambar, slugGambar } from './gambar.js';
import { tafsirNarasi } from './tafsir-narasi.js';
import {
  AKAR_DATA,
  GRAFIK_DIKENAL,
  KUNCI_DATA,
  PATH_KONTEKS,
  REFERENSI,
  TABEL_DIKENAL,
  TURUNAN_KONTEKS,
  daftarkanReferensi,
  indikatorDikenal,
  nilaiData,
  nodePohon,
  palingMirip,
  type DataRender,
  type JenisArgumen,
} from './refs.js';

type AST = hbs.AST.Program;
type Node = hbs.AST.Node;

export interface OpsiNarasi {
  renderTabel(id: string): string;
  renderGrafik(id: string): string;
  /**
   * The narrative file relative to the data folder (`2024/narasi/lkjip/bab-1.4-....md`): its
   * images are resolved against its folder. Without it, images print their caption only.
   */
  asal?: string;
}

export interface HasilNarasi {
  html: string;
  /** Table / chart ids placed, in order. */
  tabel: string[];
  grafik: string[];
  /** Values the data lacks (printed "-"), code LKJ312, with the position of the reference. */
  peringatan: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * `- a. text` items (the source's lettered lists) become `<ol type="a">`: a bullet list whose items
 * all start with consecutive letters "a. ", "b. " ... is turned into an ordered list.
 */
function daftarHuruf(md: MarkdownIt): void {
  md.core.ruler.push('daftar_huruf', (state) => {
    const t = state.tokens;
    for (let i = 0; i < t.length; i++) {
      const buka = t[i];
      if (!buka || buka.type !== 'bullet_list_open') continue;
      // Find the matching close and the first inline token of each direct item.
      const inlines: number[] = [];
      let tutup = -1;
      for (let j = i + 1; j < t.length; j++) {
        const x = t[j]!;
        if (x.level === buka.level && x.type === 'bullet_list_close') {
          tutup = j;
          break;
        }
        if (x.type === 'list_item_open' && x.level === buka.level + 1) {
          const k = t.slice(j + 1).findIndex((y) => y.type === 'inline');
          inlines.push(k < 0 ? -1 : j + 1 + k);
        }
      }
      if (tutup < 0 || inlines.length === 0) continue;
      const awal = /^([a-z])\. /.exec(t[inlines[0]!]?.content ?? '')?.[1];
      if (!awal) continue;
      const kode0 = awal.charCodeAt(0);
      const cocok = inlines.every((k, n) => {
        const isi = k < 0 ? '' : t[k]?.content ?? '';
        return isi.startsWith(String.fromCharCode(kode0 + n) + '. ');
      });
      if (!cocok) continue;
      for (const k of inlines) {
        const inl = t[k]!;
        inl.content = inl.content.slice(3);
        const pertama = inl.children?.[0];
        if (pertama && pertama.type === 'text') pertama.content = pertama.content.replace(/^[a-z]\. /, '');
      }
      buka.type = 'ordered_list_open';
      buka.tag = 'ol';
      buka.attrSet('type', 'a');
      if (awal !== 'a') buka.attrSet('start', String(kode0 - 96));
      const akhir = t[tutup]!;
      akhir.type = 'ordered_list_close';
      akhir.tag = 'ol';
    }
  });
}

/** What the renderer is given to turn an image into markup (markdown-it `env`). */
interface EnvGambar {
  gambar?: (src: string, judul: string, blok: boolean) => string;
}

/**
 * A paragraph holding only an image becomes a figure (`gambar_blok`); an image inside text stays
 * inline. Both are drawn by `env.gambar`, which embeds the checked picture (render/gambar.ts).
 */
function gambarNarasi(md: MarkdownIt): void {
  md.core.ruler.push('gambar_blok', (state) => {
    const t = state.tokens;
    for (let i = 0; i + 2 < t.length; i++) {
      const [buka, isi, tutup] = [t[i]!, t[i + 1]!, t[i + 2]!];
      if (buka.type !== 'paragraph_open' || isi.type !== 'inline' || tutup.type !== 'paragraph_close') continue;
      const anak = (isi.children ?? []).filter((c) => !(c.type === 'softbreak' || (c.type === 'text' && c.content.trim() === '')));
      if (anak.length !== 1 || anak[0]!.type !== 'image') continue;
      const blok = new state.Token('gambar_blok', '', 0);
      blok.attrs = [['src', anak[0]!.attrGet('src') ?? '']];
      blok.content = anak[0]!.content;
      blok.block = true;
      t.splice(i, 3, blok);
    }
  });
  md.renderer.rules.gambar_blok = (tokens, idx, _opts, env: EnvGambar) => {
    const tk = tokens[idx]!;
    return env.gambar ? env.gambar(tk.attrGet('src') ?? '', tk.content, true) : '';
  };
  md.renderer.rules.image = (tokens, idx, _opts, env: EnvGambar) => {
    const tk = tokens[idx]!;
    return env.gambar ? env.gambar(tk.attrGet('src') ?? '', tk.content, false) : md.utils.escapeHtml(tk.content);
  };
}

/**
 * Marks every block with the narrative line it comes from (`data-baris`) and every top-level block
 * with its file (`data-narasi`), so that the layout audit names file:line for what it finds in a
 * narrative. Handlebars expands references inside lines, so Markdown lines are the file's lines.
 */
function tandaiSumber(md: MarkdownIt): void {
  md.core.ruler.push('sumber_narasi', (state) => {
    const berkas = (state.env as { berkas?: string } | undefined)?.berkas;
    for (const t of state.tokens) {
      if (!t.map || (t.nesting !== 1 && t.type !== 'fence' && t.type !== 'code_block')) continue;
      t.attrSet('data-baris', String(t.map[0] + 1));
      if (berkas && t.level === 0) t.attrSet('data-narasi', berkas);
    }
  });
}

// Loaded on first use: `lkjip validate` only parses narrative (light parser below) and should not
// pay for the full Handlebars runtime and markdown-it at start-up.
const require = createRequire(import.meta.url);
// The check parses each narrative twice (names, then values): the AST is kept per text. A parse
// error is kept too, so both report the same. Texts are small and live as long as the process.
const astNarasi = new Map<string, AST | { galat: unknown }>();
const Handlebars = {
  create: (): typeof HandlebarsNs => (require('handlebars') as typeof HandlebarsNs).create(),
  parse(text: string): AST {
    let a = astNarasi.get(text);
    if (!a) {
      try {
        a = (require('handlebars/dist/cjs/handlebars/compiler/base.js') as { parse: (t: string) => AST }).parse(text);
      } catch (galat) {
        a = { galat };
      }
      if (astNarasi.size > 2000) astNarasi.clear();
      astNarasi.set(text, a);
    }
    if ('galat' in a) throw a.galat;
    return a;
  },
};
let mdInstans: MarkdownIt | undefined;
function md(): MarkdownIt {
  if (!mdInstans) {
    const Md = require('markdown-it') as typeof MarkdownIt;
    mdInstans = new Md({ html: false, typographer: false, linkify: false });
    mdInstans.use(daftarHuruf);
    mdInstans.use(gambarNarasi);
    mdInstans.use(tandaiSumber);
  }
  return mdInstans;
}

/**
 * Backslash-escapes Markdown punctuation in an inserted value (a name with `*` stays a name; a
 * lone "-" at the start of a line stays a dash, not a list).
 */
export function lolosMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|~&#+-]/g, (c) => '\\' + c);
}

// ---------------------------------------------------------------------------------------------
// AST walking

function posisi(n: Node | undefined): { line?: number; column?: number } {
  return n?.loc ? { line: n.loc.start.line, column: n.loc.start.column + 1 } : {};
}

/** Every statement of the template, blocks included (their bodies too). */
function* telusuri(prog: AST): Generator<hbs.AST.Statement> {
  for (const s of prog.body) {
    yield s;
    const b = s as Partial<hbs.AST.BlockStatement>;
    if (b.program) yield* telusuri(b.program);
    if (b.inverse) yield* telusuri(b.inverse);
  }
}

const namaPath = (p: hbs.AST.PathExpression | hbs.AST.Literal): string =>
  p.type === 'PathExpression' ? (p as hbs.AST.PathExpression).original : String((p as hbs.AST.StringLiteral).original);

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * The references live in a private env per document env: registered on the document env, a
 * helper named `tahun` would shadow the `{{tahun}}` field of every document template.
 */
const envNarasi = new WeakMap<object, HandlebarsEnv>();
const tampungan = new WeakMap<object, Diagnostic[]>();

function envUntuk(env: HandlebarsEnv): HandlebarsEnv {
  let e = envNarasi.get(env);
  if (!e) {
    e = Handlebars.create();
    daftarkanReferensi(e);
    envNarasi.set(env, e);
  }
  return e;
}

let tafsirAktif = true;

/**
 * Narratives are evaluated on their AST (tafsir-narasi.ts) and compiled by Handlebars only when
 * they use more; `false` compiles every one (the tests compare both).
 */
export function aturTafsirNarasi(aktif: boolean): void {
  tafsirAktif = aktif;
}

/**
 * Prepares `env` for `renderNarasi` and, when `peringatan` is given, makes every later
 * `renderNarasi(..., env, ...)` also append its warnings there (for a document renderer that
 * collects them in one list). `ctx` is accepted for symmetry; each render gets its own.
 */
export function daftarkanRefs(env: HandlebarsEnv, _ctx?: KonteksDokumen, peringatan?: Diagnostic[]): void {
  envUntuk(env);
  if (peringatan) tampungan.set(env, peringatan);
}

/**
 * Expands the references, converts to HTML and places tables and charts. Values the data lacks
 * print "-" and are returned as warnings; a syntax error or a reference to an unknown path throws
 * (checkNarasi reports both earlier, with positions).
 */
export function renderNarasi(
  text: string,
  file: string,
  ctx: KonteksDokumen,
  env: HandlebarsEnv,
  opts: OpsiNarasi,
): HasilNarasi {
  const hb = envUntuk(env);
  const peringatan: Diagnostic[] = [];
  const tabel: string[] = [];
  const grafik: string[] = [];
  // A nonce keeps a narrative from forging a placeholder.
  const nonce = randomBytes(6).toString('hex');
  const token = (jenis: 'tabel' | 'grafik' | 'rujuk', i: number): string => `LKJIP${nonce}${jenis.toUpperCase()}${i}END`;
  const rujukan: { jenis: 'tabel' | 'grafik'; id: string }[] = [];

  const ast = hb.parse(text);
  const opd = siapkanOpd(ast, ctx, file, peringatan);
  const dr: DataRender = {
    ctx,
    catat: (pesan, line, column) => peringatan.push(peringatanNilai(file, pesan, line, column)),
    tempat(jenis, id) {
      const daftar = jenis === 'tabel' ? tabel : grafik;
      daftar.push(id);
      // No line breaks around it: on its own line it becomes a paragraph (replaced whole), and in an
      // indented list item it stays inside the item.
      return token(jenis, daftar.length - 1);
    },
    rujuk(jenis, id) {
      rujukan.push({ jenis, id });
      return token('rujuk', rujukan.length - 1);
    },
    lolos: lolosMarkdown,
  };
  let markdown: string;
  try {
    const konteks = { opd };
    const data = { [KUNCI_DATA]: dr };
    markdown =
      (tafsirAktif ? tafsirNarasi(ast, hb.helpers as Record<string, unknown>, konteks, data) : undefined) ??
      hb.compile(ast, { strict: true, noEscape: true })(konteks, { data });
  } catch (e) {
    throw new Error(`${file}: narasi tidak dapat diproses: ${(e as Error).message}`);
  }
  let nomorGambar = 0;
  const envMd: EnvGambar & { berkas: string } = {
    berkas: file,
    gambar(src, judul, blok) {
      const g = opts.asal ? cariGambar(ctx, opts.asal, src) : null;
      if (!blok) return g ? imgGambar(g, judul, 'sebaris') : escapeHtml(judul);
      nomorGambar++;
      // Not read (validation reported why): the caption alone keeps the text readable.
      const isi = g ? imgGambar(g, judul) : '';
      return figurGambar(`${slugGambar(opts.asal ?? file)}-${nomorGambar}`, judul, isi);
    },
  };
  let html = md().render(markdown, envMd);
  const ganti = (jenis: 'tabel' | 'grafik', daftar: string[], f: (id: string) => string): void => {
    daftar.forEach((id, i) => {
      const tk = token(jenis, i);
      const isi = f(id);
      // Alone on its line the token is a paragraph: replace the whole <p>; elsewhere just the token.
      html = html.replace(new RegExp(`<p(?: [^>]*)?>${tk}</p>\n`), () => isi).split(tk).join(isi);
    });
  };
  ganti('tabel', tabel, opts.renderTabel);
  ganti('grafik', grafik, opts.renderGrafik);
  rujukan.forEach((r, i) => {
    html = html.split(token('rujuk', i)).join(spanRujukan(r.jenis, r.id));
  });
  peringatan.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  tampungan.get(env)?.push(...peringatan);
  return { html, tabel, grafik, peringatan };
}

/**
 * A cross-reference to a table or chart: the caption numbering fills in its printed number
 * (render/nomor-keterangan.ts). The id is the figure's element id.
 */
function spanRujukan(jenis: 'tabel' | 'grafik', id: string): string {
  const idFigur = jenis === 'tabel' ? `tabel-${slugTabel(id)}` : `grafik-${id}`;
  return `<span class="rujukan" data-rujuk="${escapeHtml(idFigur)}">${escapeHtml(id)}</span>`;
}

/**
 * The `opd` object the template sees: every string Markdown-escaped, and every `opd.*` path the
 * narrative uses but the data lacks (an optional field such as `singkatan`) set to "-" with a warning.
 */
function siapkanOpd(ast: AST, ctx: KonteksDokumen, file: string, peringatan: Diagnostic[]): unknown {
  const lolos = (v: unknown): unknown => {
    if (typeof v === 'string') return lolosMarkdown(v);
    if (Array.isArray(v)) return v.map(lolos);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lolos(x)]));
    return v;
  };
  const opd = lolos(ctx.opd) as Record<string, unknown>;
  for (const s of telusuri(ast)) {
    if (s.type !== 'MustacheStatement') continue;
    const m = s as hbs.AST.MustacheStatement;
    if (m.path.type !== 'PathExpression' || m.params.length || m.hash?.pairs.length) continue;
    const p = m.path as hbs.AST.PathExpression;
    if (p.parts[0] !== 'opd' || p.parts.length < 2) continue;
    let o: Record<string, unknown> = opd;
    for (const [i, seg] of p.parts.slice(1).entries()) {
      const akhir = i === p.parts.length - 2;
      const v = o[seg];
      if (akhir && (v === undefined || v === null)) {
        o[seg] = '-';
        peringatan.push({
          code: 'LKJ312',
          severity: 'warning',
          message: `Nilai referensi narasi tidak tersedia: \`${p.original}\` tidak ada di opd.yaml. Dicetak "-".`,
          hint: `isi \`${p.parts.slice(1).join('.')}\` di opd.yaml`,
          file,
          ...posisi(m),
        });
      } else if (!akhir) {
        if (v === undefined || v === null) o[seg] = {};
        else if (typeof v !== 'object') break; // a string with a sub-path: strict mode reports it
        o = o[seg] as Record<string, unknown>;
      }
    }
  }
  return opd;
}

/**
 * The warnings rendering would give (LKJ312: a value the data lacks prints "-"), found without
 * rendering: every reference is resolved as the renderer resolves it, on the same document
 * context. Run by the check stage, so that `validate` says what `build` would. Files with a
 * syntax error or an unknown reference are skipped (checkNarasi reports those).
 */
export function periksaNilaiNarasi(berkas: readonly BerkasNarasi[], ctx: KonteksDokumen): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { file, text } of berkas) {
    let ast: AST;
    try {
      ast = Handlebars.parse(text);
    } catch {
      continue;
    }
    const peringatan: Diagnostic[] = [];
    siapkanOpd(ast, ctx, file, peringatan);
    for (const s of telusuri(ast)) {
      if (s.type !== 'MustacheStatement') continue;
      const m = s as hbs.AST.MustacheStatement;
      if (m.path.type !== 'PathExpression') continue;
      const p = m.path as hbs.AST.PathExpression;
      const ref = p.parts.length === 1 && !p.data && p.depth === 0 ? REFERENSI.get(p.original) : undefined;
      if (!ref) continue;
      const nilai = (e: hbs.AST.Expression): unknown => (e.type === 'StringLiteral' || e.type === 'NumberLiteral' ? (e as hbs.AST.StringLiteral).value : undefined);
      const hash: Record<string, unknown> = {};
      for (const pr of m.hash?.pairs ?? []) hash[pr.key] = nilai(pr.value);
      const pos = posisi(m);
      try {
        ref.resolve(ctx, m.params[0] ? nilai(m.params[0]) : undefined, hash, {
          catat: (pesan) => peringatan.push(peringatanNilai(file, pesan, pos.line, pos.column)),
          tempat: () => '',
          // Caption numbers are known only once the document is assembled; nothing to check here.
          rujuk: () => '',
        });
      } catch {
        // an argument checkNarasi rejects: reported there
      }
    }
    out.push(...peringatan.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  }
  return out;
}

/** LKJ312 as rendering reports it. */
function peringatanNilai(file: string, pesan: string, line?: number, column?: number): Diagnostic {
  return {
    code: 'LKJ312',
    severity: 'warning',
    message: `Nilai referensi narasi tidak tersedia: ${pesan} Dicetak "-".`,
    hint: 'lengkapi datanya, atau ubah kalimat narasi yang memakai nilai ini',
    file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Checking

export interface BerkasNarasi {
  file: string;
  text: string;
}

interface Himpunan {
  indikator: string[];
  kode: string[];
  program: string[];
  tahun: number[];
}

const daftarSingkat = (xs: readonly (string | number)[], maks = 15): string =>
  xs.length > maks ? `${xs.slice(0, maks).join(', ')}, ... (${xs.length} semuanya)` : xs.join(', ');

function diag(file: string, n: Node | undefined, message: string, hint: string | undefined, found?: string, expected?: string): Diagnostic {
  const d: Diagnostic = { code: 'LKJ310', severity: 'error', message, file, ...posisi(n) };
  if (hint) d.hint = hint;
  if (found !== undefined) d.found = found;
  if (expected !== undefined) d.expected = expected;
  return d;
}

const saranDari = (nilai: string, kandidat: readonly string[], label: string): string => {
  const m = palingMirip(nilai, kandidat);
  return m ? `mungkin maksudnya \`${m}\`` : `${label} yang dikenal: ${daftarSingkat(kandidat)}`;
};

/** Checks one argument value against its kind; returns a diagnostic or null. */
function periksaArgumen(
  file: string,
  sumber: string,
  label: string,
  jenis: JenisArgumen,
  ekspr: hbs.AST.Expression,
  h: Himpunan,
  data: DataSet,
  tahunData: number,
): Diagnostic | null {
  const lit = ekspr as hbs.AST.StringLiteral | hbs.AST.NumberLiteral;
  if (jenis.jenis === 'tahun') {
    if (ekspr.type !== 'NumberLiteral') {
      return diag(file, ekspr, `${label} pada \`${sumber}\` harus angka tahun tanpa tanda kutip, mis. tahun=2023.`, undefined, String(lit.original ?? ''), 'angka tahun');
    }
    const t = Number(lit.value);
    if (!h.tahun.includes(t)) {
      return diag(file, ekspr, `Tahun ${t} pada \`${sumber}\` tidak ada di data.`, `tahun yang ada: ${h.tahun.join(', ')}`, String(t), h.tahun.join(', '));
    }
    return null;
  }
  if (ekspr.type !== 'StringLiteral') {
    return diag(file, ekspr, `${label} pada \`${sumber}\` harus teks dalam tanda kutip, mis. "IKU-1".`, undefined, String(lit.original ?? ekspr.type), 'teks');
  }
  const v = String(lit.value);
  const tolak = (apa: string, kandidat: readonly string[], labelDaftar: string): Diagnostic =>
    diag(file, ekspr, `${apa} \`${v}\` pada \`${sumber}\` tidak dikenal.`, saranDari(v, kandidat, labelDaftar), v, daftarSingkat(kandidat));
  switch (jenis.jenis) {
    case 'indikator':
      return h.indikator.includes(v) ? null : tolak('Indikator', h.indikator, 'indikator');
    case 'kode':
      return h.kode.includes(v) ? null : tolak('Kode program/kegiatan/sub kegiatan', h.program, 'kode program');
    case 'program':
      return h.program.includes(v) ? null : tolak('Kode program', h.program, 'kode program');
    case 'tabel':
      return TABEL_DIKENAL.includes(v) ? null : tolak('Tabel', TABEL_DIKENAL, 'tabel');
    case 'grafik':
      return GRAFIK_DIKENAL.includes(v) ? null : tolak('Grafik', GRAFIK_DIKENAL, 'grafik');
    case 'pilihan':
      return jenis.pilihan.includes(v) ? null : tolak('Pilihan', jenis.pilihan, 'pilihan');
    case 'path': {
      const akar = v.split('.')[0] ?? '';
      if (!(AKAR_DATA as readonly string[]).includes(akar)) {
        return diag(file, ekspr, `Data \`${v}\` pada \`${sumber}\` tidak dikenal: path harus diawali nama berkas tahun.`, `awali dengan ${AKAR_DATA.map((a) => `"${a}."`).join(', ')}`, v);
      }
      if (nilaiData(data, v, tahunData).ada) return null;
      // A value that other years have is a known path not yet filled this year (a new year made by
      // `lkjip init`): a warning, and the narrative prints "-" until it is filled.
      if ([...data.tahun.keys()].some((t) => t !== tahunData && nilaiData(data, v, t).ada)) {
        return {
          ...diag(file, ekspr, `Data \`${v}\` pada \`${sumber}\` belum diisi untuk tahun ${tahunData}; dicetak "-".`, `isi \`${v}\` di berkas tahun ${tahunData}`, v),
          code: 'LKJ312',
          severity: 'warning',
        };
      }
      const kandidat = [...daftarPath(data, akar, tahunData), ...(akar === 'konteks' ? pathKonteksTurunan(data, tahunData) : [])];
      return diag(
        file,
        ekspr,
        `Data \`${v}\` pada \`${sumber}\` tidak ada di data tahun ${tahunData}.`,
        saranDari(v, kandidat, 'data'),
        v,
        daftarSingkat(kandidat),
      );
    }
  }
}

/** Derived konteks paths of a year: its context rows (`konteks.kondisi.<id>`) and the PNS total. */
function pathKonteksTurunan(data: DataSet, tahun: number): string[] {
  const baris = data.tahun.get(tahun)?.konteks?.kondisi?.baris ?? [];
  return [...baris.flatMap((b) => (b.id ? [`konteks.kondisi.${b.id}`] : [])), ...TURUNAN_KONTEKS.map((p) => `konteks.${p}`)];
}

/** Leaf paths (numbers and strings) of a year file, for suggestions. */
function daftarPath(data: DataSet, akar: string, tahun: number): string[] {
  const out: string[] = [];
  const jalan = (v: unknown, p: string, kedalaman: number): void => {
    if (kedalaman > 4 || out.length > 200) return;
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) jalan(x, `${p}.${k}`, kedalaman + 1);
    else if (typeof v === 'number' || typeof v === 'string') out.push(p);
  };
  const dt = data.tahun.get(tahun) as unknown as Record<string, unknown> | undefined;
  jalan(dt?.[akar], akar, 0);
  return out;
}

/** A path printed as is: `opd.<field>...` that exists in opd.yaml. */
function periksaPath(file: string, m: hbs.AST.MustacheStatement, p: hbs.AST.PathExpression, data: DataSet): Diagnostic | null {
  const sumber = `{{${p.original}}}`;
  const kepala = p.parts[0] ?? '';
  const namaRef = [...REFERENSI.keys()];
  if (p.data || p.depth > 0 || !(PATH_KONTEKS as readonly string[]).includes(kepala) || p.parts.length < 2) {
    return diag(
      file,
      m,
      `Referensi \`${sumber}\` tidak dikenal.`,
      saranDari(p.original, [...namaRef, ...kunciOpd(data).map((k) => `opd.${k}`)], 'referensi'),
      p.original,
    );
  }
  let v: unknown = data.opd;
  for (const seg of p.parts.slice(1)) {
    if (v === null || typeof v !== 'object') {
      v = undefined;
      break;
    }
    v = (v as Record<string, unknown>)[seg];
  }
  if (typeof v === 'string' || typeof v === 'number') return null;
  const kunci = kunciOpd(data);
  const kolom = p.parts.slice(1).join('.');
  const mirip = palingMirip(kolom, kunci);
  return diag(
    file,
    m,
    v === undefined ? `\`${p.original}\` tidak ada di opd.yaml.` : `\`${p.original}\` bukan satu nilai (berisi peta atau daftar).`,
    mirip
      ? `mungkin maksudnya \`opd.${mirip}\``
      : `bila kolom ini memang belum diisi, tambahkan \`${kolom}\` di opd.yaml; kolom yang ada: ${daftarSingkat(kunci)}`,
    p.original,
    daftarSingkat(kunci.map((k) => `opd.${k}`)),
  );
}

function kunciOpd(data: DataSet): string[] {
  const out: string[] = [];
  const jalan = (v: unknown, p: string): void => {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) jalan(x, p ? `${p}.${k}` : k);
    else if (typeof v === 'string' || typeof v === 'number') out.push(p);
  };
  jalan(data.opd, '');
  return out;
}

/** 1-based line and column of a Handlebars parse error, recovered from its message. */
function posisiGalat(e: unknown, text: string): { line?: number; column?: number } {
  const ex = e as { lineNumber?: number; column?: number; message?: string };
  if (typeof ex.lineNumber === 'number') return { line: ex.lineNumber, ...(typeof ex.column === 'number' ? { column: ex.column + 1 } : {}) };
  const msg = String(ex.message ?? '');
  const mLine = /on line (\d+)/.exec(msg);
  if (!mLine) return {};
  const line = Number(mLine[1]);
  // The message shows the consumed text (newlines removed, maybe cut with "...") and a caret under
  // the next token: find where on that line the text before the caret ends.
  const baris = msg.split('\n');
  const caret = baris.findIndex((b) => /^-*\^$/.test(b));
  const kutipan = caret > 0 ? baris[caret - 1] ?? '' : '';
  if (caret < 0) return { line };
  let sebelum = kutipan.slice(0, (baris[caret] ?? '').length - 1);
  if (sebelum.startsWith('...')) sebelum = sebelum.slice(3);
  const lines = text.split('\n');
  const awalBaris = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const isiBaris = lines[line - 1] ?? '';
  for (let c = isiBaris.length; c >= 0; c--) {
    const dibaca = text.slice(0, awalBaris + c).replace(/\n/g, '');
    if (dibaca.endsWith(sebelum)) return { line, column: c + 1 };
  }
  return { line };
}

/** The parser's message in words a narrative author can act on. */
function jelaskanGalat(pesan: string): string {
  const dapat = /got '([^']+)'/.exec(pesan)?.[1];
  if (dapat === 'EOF') return 'berkas berakhir sebelum sebuah {{ ... }} atau blok ditutup.';
  if (dapat === 'INVALID') return 'ada teks yang tidak dapat dibaca di dalam {{ ... }} (tanda kutip tidak berpasangan, atau "}}" hilang).';
  if (dapat) return `bagian \`${dapat}\` tidak diharapkan di tempat ini.`;
  return pesan.split('\n')[0] ?? pesan;
}

/**
 * Checks every reference of the narrative files against the registry and the data of `tahun`,
 * without rendering: LKJ310 for an unknown reference or argument, LKJ311 for a syntax error.
 */
export function checkNarasi(loadedFiles: readonly BerkasNarasi[], data: DataSet, tahun: number): Diagnostic[] {
  const h: Himpunan = {
    indikator: indikatorDikenal(data),
    kode: nodePohon(data).map((n) => n.kode),
    program: nodePohon(data)
      .filter((n) => n.tingkat === 'program')
      .map((n) => n.kode),
    tahun: [...data.tahun.keys()].sort((a, b) => a - b),
  };
  const out: Diagnostic[] = [];
  for (const { file, text } of loadedFiles) {
    let ast: AST;
    try {
      ast = Handlebars.parse(text);
    } catch (e) {
      out.push({
        code: 'LKJ311',
        severity: 'error',
        message: `Sintaks referensi narasi salah: ${jelaskanGalat(String((e as Error).message ?? e))}`,
        hint: 'setiap referensi ditulis {{nama "argumen" kunci=nilai}} dengan tanda kutip dan kurung kurawal berpasangan; untuk menulis "{{" apa adanya, tulis \\{{',
        file,
        ...posisiGalat(e, text),
      });
      continue;
    }
    for (const s of telusuri(ast)) periksaPernyataan(file, s, h, data, tahun, out);
  }
  return out;
}

function periksaPernyataan(file: string, s: hbs.AST.Statement, h: Himpunan, data: DataSet, tahun: number, out: Diagnostic[]): void {
  if (s.type === 'ContentStatement' || s.type === 'CommentStatement') return;
  if (s.type !== 'MustacheStatement') {
    const b = s as Partial<hbs.AST.BlockStatement> & Partial<hbs.AST.PartialStatement>;
    const nama = b.path ? namaPath(b.path) : b.name && b.name.type === 'PathExpression' ? b.name.original : '';
    out.push(
      diag(
        file,
        s,
        `\`${nama || s.type}\`: blok, partial dan dekorator tidak dipakai di narasi; narasi hanya memuat referensi nilai {{nama "argumen"}}.`,
        `referensi yang dikenal: ${[...REFERENSI.keys()].join(', ')}, opd.<kolom>`,
        s.type,
      ),
    );
    return;
  }
  const m = s as hbs.AST.MustacheStatement;
  if (m.path.type !== 'PathExpression') {
    out.push(diag(file, m, `\`{{${namaPath(m.path)}}}\` bukan referensi.`, `referensi yang dikenal: ${[...REFERENSI.keys()].join(', ')}`));
    return;
  }
  const p = m.path as hbs.AST.PathExpression;
  const ref = p.parts.length === 1 && !p.data && p.depth === 0 ? REFERENSI.get(p.original) : undefined;
  if (!ref) {
    if (m.params.length === 0 && !m.hash?.pairs.length) {
      const d = periksaPath(file, m, p, data);
      if (d) out.push(d);
      return;
    }
    out.push(
      diag(
        file,
        m,
        `Referensi \`${p.original}\` tidak dikenal.`,
        saranDari(p.original, [...REFERENSI.keys()], 'referensi'),
        p.original,
        [...REFERENSI.keys()].join(', '),
      ),
    );
    return;
  }
  const sumber = `{{${p.original}${m.params.map((x) => ` ${JSON.stringify((x as hbs.AST.StringLiteral).original)}`).join('')}${(m.hash?.pairs ?? []).map((x) => ` ${x.key}=${JSON.stringify((x.value as hbs.AST.StringLiteral).original)}`).join('')}}}`;
  const pairs = m.hash?.pairs ?? [];
  const hashNilai: Record<string, unknown> = {};
  for (const pr of pairs) hashNilai[pr.key] = (pr.value as hbs.AST.StringLiteral).value;
  const tahunData = typeof hashNilai.tahun === 'number' ? hashNilai.tahun : tahun;

  // Positional argument
  if (!ref.argumen) {
    if (m.params.length) {
      out.push(diag(file, m.params[0], `\`${ref.nama}\` tidak menerima argumen.`, `tulis ${ref.contoh}`, undefined, ref.contoh));
    }
  } else if (m.params.length === 0) {
    if (ref.argumen.wajib) out.push(diag(file, m, `\`${ref.nama}\` memerlukan argumen: ${ref.argumen.uraian}.`, `contoh: ${ref.contoh}`));
  } else {
    if (m.params.length > 1) out.push(diag(file, m.params[1], `\`${ref.nama}\` hanya menerima satu argumen.`, `contoh: ${ref.contoh}`));
    const d = periksaArgumen(file, sumber, 'Argumen', ref.argumen.jenis, m.params[0]!, h, data, tahunData);
    if (d) out.push(d);
  }
  // key=value parameters
  const kunci = Object.keys(ref.hash);
  for (const pr of pairs) {
    const jenis = ref.hash[pr.key];
    if (!jenis) {
      out.push(
        diag(
          file,
          pr,
          `Parameter \`${pr.key}=\` tidak dikenal untuk \`${ref.nama}\`.`,
          kunci.length ? saranDari(pr.key, kunci, 'parameter') : `\`${ref.nama}\` tidak menerima parameter`,
          pr.key,
          kunci.join(', '),
        ),
      );
      continue;
    }
    const d = periksaArgumen(file, sumber, `Parameter ${pr.key}=`, jenis, pr.value, h, data, tahunData);
    if (d) out.push(d);
  }
  // Checks across arguments
  const arg = m.params[0]?.type === 'StringLiteral' ? (m.params[0] as hbs.AST.StringLiteral).value : undefined;
  for (const masalah of ref.periksa?.(arg, hashNilai) ?? []) {
    const node = masalah.kunci ? pairs.find((x) => x.key === masalah.kunci) ?? m : m;
    out.push(diag(file, node, `${masalah.pesan} (\`${sumber}\`)`, `contoh: ${ref.contoh}`));
  }
}
