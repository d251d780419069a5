/**
 * Reads and rewrites the marks the export stage understands in a rendered HTML string. Pure
 * string work: the print page runs without JavaScript, so the TOC numbers are written into the
 * HTML before printing, never by a script in the page.
 *
 * Marks:
 *   <span class="toc-page" data-target="ID"></span>   TOC entry: gets the printed page of #ID
 *   <h1 id="ID" data-bookmark="1">...</h1>             outline entry (level 1, 2, 3...);
 *                                                      optional data-bookmark-title="..."
 *   <section id="ID" data-page-start>                  first element of the main matter (page "1")
 *   <section id="ID" data-toc>                         a table of contents (Daftar Isi, Daftar Tabel,
 *                                                      Daftar Gambar)
 */

export interface Bookmark {
  level: number;
  id: string;
  title: string;
}

export interface HtmlMarks {
  /** Target ids of TOC entries, in document order, without duplicates. */
  tocTargets: string[];
  bookmarks: Bookmark[];
  /** Id of the element marked data-page-start, if any. */
  pageStartId: string | undefined;
  /** Id of the first element marked data-toc (the table of contents), if any. */
  tocId: string | undefined;
  /** Every id attribute in the document (to report dangling targets). */
  ids: Set<string>;
  duplicateIds: string[];
}

const TOC_SPAN = /(<span\b[^>]*\bclass\s*=\s*"[^"]*\btoc-page\b[^"]*"[^>]*>)([^<]*)(<\/span\s*>)/gi;
const BOOKMARK = /<([a-z][a-z0-9]*)\b([^>]*\bdata-bookmark\s*=\s*"(\d+)"[^>]*)>([\s\S]*?)<\/\1\s*>/gi;
const PAGE_START = /<[a-z][a-z0-9]*\b([^>]*\bdata-page-start\b[^>]*)>/i;
const TOC_CONTAINER = /<[a-z][a-z0-9]*\b([^>]*\bdata-toc\b[^>]*)>/i;
const ID_ATTR = /<[a-z][a-z0-9]*\b[^>]*?\sid\s*=\s*"([^"]*)"/gi;

export function readAttr(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`, 'i').exec(attrs);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

export function scanHtml(html: string): HtmlMarks {
  const tocTargets: string[] = [];
  for (const match of html.matchAll(TOC_SPAN)) {
    const target = readAttr(match[1] ?? '', 'data-target');
    if (target !== undefined && !tocTargets.includes(target)) tocTargets.push(target);
  }
  const bookmarks: Bookmark[] = [];
  for (const match of html.matchAll(BOOKMARK)) {
    const attrs = match[2] ?? '';
    const id = readAttr(attrs, 'id');
    if (id === undefined || id === '') continue;
    const title = readAttr(attrs, 'data-bookmark-title') ?? textOf(match[4] ?? '');
    bookmarks.push({ level: Number(match[3]), id, title });
  }
  const startMatch = PAGE_START.exec(html);
  const pageStartId = startMatch ? readAttr(startMatch[1] ?? '', 'id') : undefined;
  const tocMatch = TOC_CONTAINER.exec(html);
  const tocId = tocMatch ? readAttr(tocMatch[1] ?? '', 'id') : undefined;
  const ids = new Set<string>();
  const duplicateIds: string[] = [];
  for (const match of html.matchAll(ID_ATTR)) {
    const id = decodeEntities(match[1] ?? '');
    if (ids.has(id) && !duplicateIds.includes(id)) duplicateIds.push(id);
    ids.add(id);
  }
  return { tocTargets, bookmarks, pageStartId, tocId, ids, duplicateIds };
}

/** Writes `labelOf(target)` into every TOC span (replacing what was there). */
export function fillTocPages(html: string, labelOf: (id: string) => string): string {
  return html.replace(TOC_SPAN, (_all, open: string, _old: string, close: string) => {
    const target = readAttr(open, 'data-target');
    return target === undefined ? `${open}${close}` : `${open}${escapeHtml(labelOf(target))}${close}`;
  });
}

/**
 * Chromium writes a PDF named destination only for ids that some link points at. A hidden block of
 * links makes sure every id we need (TOC targets, bookmarks, page start) gets one; `display:none`
 * links still produce the destination but no link annotation on any page (checked on Chromium 156).
 */
export function injectAnchorLinks(html: string, ids: readonly string[]): string {
  if (ids.length === 0) return html;
  const links = ids.map((id) => `<a href="#${escapeHtml(fragmentOf(id))}">.</a>`).join('');
  const block = `<div aria-hidden="true" style="display:none" data-lkjip-anchors>${links}</div>`;
  const bodyEnd = html.toLowerCase().lastIndexOf('</body');
  return bodyEnd < 0 ? html + block : html.slice(0, bodyEnd) + block + html.slice(bodyEnd);
}

function fragmentOf(id: string): string {
  return id.replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?]/g, (ch) => encodeURIComponent(ch));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? all;
  });
}

/** Visible text of an HTML fragment: tags dropped, entities decoded, white space collapsed. */
export function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * The HTML as saved for readers: without the source marks the layout audit reads (`data-narasi`,
 * `data-baris`: the narrative file and line of each block). The file path in them depends on where
 * the data folder is, and a saved document must be the same bytes wherever it was built.
 */
export function tanpaTandaSumber(html: string): string {
  return html.replace(/ data-(?:narasi|baris)="[^"]*"/g, '');
}
