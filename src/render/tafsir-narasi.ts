/**
 * A narrative's Handlebars, evaluated on its AST instead of compiled.
 *
 * Narratives are data, so they cannot be precompiled with the templates; compiling one with
 * Handlebars generates and evaluates JavaScript for it (about 5 ms per narrative, a few hundred
 * ms per document: most of the time to render the LKJIP). What narratives write is a small part
 * of Handlebars: text, comments, and mustaches that name a reference (`{{realisasi "IKU-1"}}`,
 * `{{tahun}}`) or an `opd` field (`{{opd.nama_lengkap}}`), with literal arguments. That part is
 * evaluated here with the semantics of Handlebars' strict, no-escape compiled code (the same
 * lookups, helper calls, options and string joining). Anything else (blocks, partials, paths
 * as arguments, sub-expressions, `this`, `@data`, a field the data does not have) returns
 * undefined and the caller compiles as before, so the result is always Handlebars' own
 * (compared on every narrative in test/render/tafsir-narasi.test.ts).
 */
type AST = hbs.AST.Program;

type Helper = (this: unknown, ...a: unknown[]) => unknown;

const punya = (o: unknown, k: string): boolean => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);

/** Value of a literal argument; undefined `ok` for anything else. */
function nilaiLiteral(e: hbs.AST.Expression): { ok: boolean; nilai?: unknown } {
  switch (e.type) {
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return { ok: true, nilai: (e as hbs.AST.StringLiteral).value };
    case 'UndefinedLiteral':
      return { ok: true, nilai: undefined };
    case 'NullLiteral':
      return { ok: true, nilai: null };
    default:
      return { ok: false };
  }
}

const lokasi = (n: hbs.AST.Node): { start: { line: number; column: number }; end: { line: number; column: number } } => ({
  start: { line: n.loc.start.line, column: n.loc.start.column },
  end: { line: n.loc.end.line, column: n.loc.end.column },
});

/**
 * The text of `ast` for `konteks` (the template's context) with `helpers` and `data` (the
 * runtime's data frame), or undefined when it uses more than this evaluates. The whole template
 * is checked before any helper runs: helpers record warnings and placeholders, and a template
 * handed over to Handlebars half-way would record them twice.
 */
export function tafsirNarasi(ast: AST, helpers: Readonly<Record<string, unknown>>, konteks: Record<string, unknown>, data: Record<string, unknown>): string | undefined {
  // As Handlebars' runtime frames the data of a template run (initData / createFrame).
  const frame: Record<string, unknown> = { ...data, _parent: data, root: konteks };
  const langkah: (() => unknown)[] = [];
  for (const s of ast.body) {
    if (s.type === 'ContentStatement') {
      const teks = (s as hbs.AST.ContentStatement).value;
      langkah.push(() => teks);
      continue;
    }
    if (s.type === 'CommentStatement') continue;
    if (s.type !== 'MustacheStatement') return undefined;
    const m = s as hbs.AST.MustacheStatement;
    if (m.path.type !== 'PathExpression') return undefined;
    const p = m.path as hbs.AST.PathExpression;
    if (p.data || p.depth !== 0 || p.parts.length === 0 || /^(this|\.)/.test(p.original)) return undefined;
    const params: unknown[] = [];
    for (const e of m.params) {
      const v = nilaiLiteral(e);
      if (!v.ok) return undefined;
      params.push(v.nilai);
    }
    const hash: Record<string, unknown> = {};
    for (const pasangan of m.hash?.pairs ?? []) {
      const v = nilaiLiteral(pasangan.value);
      if (!v.ok) return undefined;
      hash[pasangan.key] = v.nilai;
    }
    const nama = p.parts[0] as string;
    if (p.parts.length === 1) {
      // Ambiguous (a helper or a field of the context) or a helper call with arguments.
      const helper = punya(helpers, nama) ? helpers[nama] : undefined;
      if (typeof helper === 'function') {
        const options = { name: p.original, hash, data: frame, loc: lokasi(m) };
        langkah.push(() => (helper as Helper).call(konteks, ...params, options));
        continue;
      }
      if (params.length > 0 || m.hash || !punya(konteks, nama) || typeof konteks[nama] === 'function') return undefined;
      const nilai = konteks[nama];
      langkah.push(() => nilai);
      continue;
    }
    // A field path, looked up as strict mode does, and read only from own properties.
    if (params.length > 0 || m.hash) return undefined;
    let o: unknown = konteks;
    for (const bagian of p.parts.slice(0, -1)) {
      if (!punya(o, bagian)) return undefined;
      o = (o as Record<string, unknown>)[bagian];
    }
    const akhir = p.parts[p.parts.length - 1] as string;
    if (!punya(o, akhir)) return undefined;
    const nilai = (o as Record<string, unknown>)[akhir];
    if (typeof nilai === 'function') return undefined;
    langkah.push(() => nilai);
  }
  let hasil = '';
  for (const l of langkah) {
    const nilai = l();
    // As the compiled template joins it: null and undefined print nothing.
    if (nilai !== null && nilai !== undefined) hasil += nilai;
  }
  return hasil;
}
