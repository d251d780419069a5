/**
 * Low-level PDF edits on Chromium's output with pdf-lib: reading named destinations, writing the
 * outline (bookmarks), page labels, metadata and a content-derived /ID.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import type { Bookmark } from './html-marks.js';

export interface Anchor {
  /** 1-based physical page. */
  page: number;
  /** The destination array as Chromium wrote it ([page /XYZ left top zoom]). */
  dest: PDFArray;
}

/** Named destinations from the catalog's /Dests dictionary and from the /Names /Dests tree. */
export function readNamedDestinations(doc: PDFDocument): Map<string, Anchor> {
  const pageNumberOf = new Map<string, number>();
  doc.getPages().forEach((page, index) => pageNumberOf.set(page.ref.toString(), index + 1));
  const anchors = new Map<string, Anchor>();
  const add = (name: string, value: PDFObject | undefined) => {
    let dest = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    if (!(dest instanceof PDFArray)) return;
    const target = dest.get(0);
    const page = target instanceof PDFRef ? pageNumberOf.get(target.toString()) : undefined;
    if (page !== undefined) anchors.set(name, { page, dest });
  };
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(key.decodeText(), value);
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(doc, tree, add, 0);
  return anchors;
}

/** The `top` of an /XYZ destination (PDF points from the page bottom), if it has one. */
export function destinationTop(anchor: Anchor): number | undefined {
  const top = anchor.dest.lookup(3);
  return top instanceof PDFNumber ? top.asNumber() : undefined;
}

/** Drops named destinations whose name starts with `prefix` (internal markers of one pass). */
export function removeNamedDestinations(doc: PDFDocument, prefix: string): void {
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const key of [...dests.keys()]) if (key.decodeText().startsWith(prefix)) dests.delete(key);
}

function walkNameTree(doc: PDFDocument, node: PDFDict, add: (name: string, value: PDFObject | undefined) => void, depth: number): void {
  if (depth > 32) return; // a malformed tree must not recurse forever
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (pairs) {
    for (let i = 0; i + 1 < pairs.size(); i += 2) {
      const key = pairs.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), pairs.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) walkNameTree(doc, kid, add, depth + 1);
  }
}

interface OutlineNode {
  bookmark: Bookmark;
  children: OutlineNode[];
}

/** Nests bookmarks by level in document order; a level that skips up attaches to the nearest shallower one. */
export function nestBookmarks(bookmarks: readonly Bookmark[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const bookmark of bookmarks) {
    const node: OutlineNode = { bookmark, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.bookmark.level ?? 0) >= bookmark.level) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Writes /Outlines (all entries open) and shows the bookmark panel when the PDF opens. */
export function writeOutline(doc: PDFDocument, bookmarks: readonly Bookmark[], anchors: Map<string, Anchor>): void {
  const roots = nestBookmarks(bookmarks.filter((b) => anchors.has(b.id)));
  if (roots.length === 0) return;
  const context = doc.context;
  const outlineRef = context.nextRef();
  const writeLevel = (nodes: OutlineNode[], parentRef: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = nodes.map(() => context.nextRef());
    let count = 0;
    nodes.forEach((node, i) => {
      const ref = refs[i] as PDFRef;
      const anchor = anchors.get(node.bookmark.id) as Anchor;
      const dict = context.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.bookmark.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), anchor.dest);
      const prev = refs[i - 1];
      const next = refs[i + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev);
      if (next) dict.set(PDFName.of('Next'), next);
      count += 1;
      if (node.children.length > 0) {
        const sub = writeLevel(node.children, ref);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(ref, dict);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, count };
  };
  const top = writeLevel(roots, outlineRef);
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** /PageLabels so that viewers show the printed numbers (i, ii, ... then 1, 2, ...). */
export function writePageLabels(doc: PDFDocument, frontCount: number): void {
  if (frontCount <= 0) return;
  const context = doc.context;
  const nums = context.obj([0, context.obj({ S: 'r' }), frontCount, context.obj({ S: 'D' })]);
  doc.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: nums }));
}

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  creator?: string;
  date: Date;
}

export const PRODUCER = 'lkjip (Chromium, pdf-lib)';

/** Replaces Chromium's Info (its time stamps, its user agent as Creator) with ours; drops XMP. */
export function writeMetadata(doc: PDFDocument, meta: PdfMeta): void {
  doc.catalog.delete(PDFName.of('Metadata'));
  // setTitle & co. only overwrite their own keys; start from an empty Info so nothing of Chromium's stays
  const infoRef = doc.context.trailerInfo.Info;
  const info = infoRef ? doc.context.lookup(infoRef) : undefined;
  if (info instanceof PDFDict) for (const key of info.keys()) info.delete(key);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  if (meta.keywords && meta.keywords.length > 0) doc.setKeywords(meta.keywords);
  doc.setCreator(meta.creator ?? 'lkjip');
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage('id-ID');
}

/**
 * Saves with /ID = [h h], h a hash of the file's own content, so the same HTML and metadata always
 * give the same bytes (PDF readers and PDF/A want an /ID). Saved once, with a placeholder /ID of
 * the hash's length; the hash of those bytes then takes the placeholder's place, which moves no
 * offset of the cross-reference table.
 */
export async function saveDeterministic(doc: PDFDocument): Promise<Uint8Array> {
  const tempat = '0'.repeat(32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(tempat), PDFHexString.of(tempat)]);
  const bytes = await doc.save({ updateFieldAppearances: false });
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = Buffer.from(`<${tempat}>`, 'latin1');
  // The trailer (or cross-reference stream dictionary) is at the end of the file.
  const kedua = buf.lastIndexOf(id);
  const pertama = kedua < 0 ? -1 : buf.lastIndexOf(id, kedua - 1);
  if (pertama < 0 || kedua - pertama > 40) throw new Error('/ID sementara tidak ditemukan di PDF yang disimpan');
  const hash = createHash('sha256').update(buf).digest('hex').slice(0, 32).toUpperCase();
  buf.write(hash, pertama + 1, 'latin1');
  buf.write(hash, kedua + 1, 'latin1');
  return bytes;
}

/** Page size as seen by a reader: width/height swapped when the page is rotated by 90 or 270. */
export function isLandscape(doc: PDFDocument, index: number): boolean {
  const page = doc.getPage(index);
  const { width, height } = page.getSize();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  return rotation === 90 || rotation === 270 ? height > width : width > height;
}
