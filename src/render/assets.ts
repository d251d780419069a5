/**
 * Files the rendered HTML may load, and the font CSS of the documents.
 *
 * The PDF is printed offline by Chromium with every request blocked except data: URLs and file://
 * URLs inside the folders listed here (see src/export/browser.ts). The fonts are embedded in the
 * HTML as data: URLs from the installed @fontsource/arimo package instead of a CDN or a path on
 * this machine: the HTML output is one self-contained file that shows the same anywhere, leaks no
 * path of the checkout, and is byte-identical whichever folder it was built from. Arimo is
 * metrically compatible with Arial, the face Indonesian government documents are usually typed in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The one font family of the documents and of the charts (SVG text must match the body text). */
export const fontFamily = 'Arimo';

/** CSS font stack: Arimo first; the fallbacks only matter if the font files went missing. */
export const fontStack = `'${fontFamily}', 'Liberation Sans', Arial, sans-serif`;

/** Folder of the installed @fontsource/arimo package (holds files/*.woff2). */
export function fontPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@fontsource/arimo/package.json'));
}

/**
 * The project root: the nearest folder above this module with lkjip's package.json. Walking up
 * instead of a fixed `../..` keeps it right both for src/ (vitest) and for dist/src/ (built CLI).
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (parsed.name === 'lkjip') return dir;
      } catch {
        // not ours (or unreadable): keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('lkjip: package.json proyek tidak ditemukan di atas ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The project's templates/ folder (one subfolder per document, with CSS and images). */
export function templatesDir(): string {
  return join(projectRoot(), 'templates');
}

/**
 * Folders whose files the print page may load over file://. Everything else (other files on
 * disk, http(s), websockets) is aborted, so a narrative text cannot pull in /etc/passwd or a
 * tracking pixel.
 */
export function assetDirs(): string[] {
  return [resolve(templatesDir()), resolve(fontPackageDir())];
}

// unicode-range values copied from @fontsource/arimo's index.css, so Chromium only fetches the
// latin-ext file when a page actually has such a character.
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT_RANGE =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

/** Whether a code point lies in a CSS unicode-range list like LATIN_RANGE. */
function dalamRentang(kode: number, rentang: string): boolean {
  return rentang.split(',').some((r) => {
    const [a, b] = r.replace('U+', '').split('-');
    const awal = parseInt(a as string, 16);
    return kode >= awal && kode <= (b === undefined ? awal : parseInt(b, 16));
  });
}

/**
 * Whether a text needs the latin-ext files: a character that only the latin-ext subset has
 * (numeric character references counted as their character). Indonesian text rarely does, and the
 * four latin-ext files are 4 times the size of the latin ones, so they are embedded only when used.
 * (A character in neither subset, like ≤, comes from a fallback font either way.)
 */
export function perluLatinExt(teks: string): boolean {
  const hanyaExt = (k: number): boolean => dalamRentang(k, LATIN_EXT_RANGE) && !dalamRentang(k, LATIN_RANGE);
  for (const m of teks.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const r = (m[1] as string).toLowerCase();
    if (hanyaExt(r.startsWith('x') ? parseInt(r.slice(1), 16) : Number(r))) return true;
  }
  for (const c of teks) {
    const k = c.codePointAt(0) as number;
    if (k >= 0x100 && hanyaExt(k)) return true;
  }
  return false;
}

const cacheFont = new Map<string, string>();

function fontDataUrl(file: string): string {
  let url = cacheFont.get(file);
  if (url === undefined) {
    url = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    cacheFont.set(file, url);
  }
  return url;
}

type SubsetArimo = 'latin' | 'latin-ext';
const berkasArimo = (fontDir: string, s: SubsetArimo, weight: 400 | 700, style: 'normal' | 'italic'): string =>
  join(fontDir, 'files', `arimo-${s}-${weight}-${style}.woff2`);

/** Every Arimo file the documents may embed (latin and latin-ext, 400/700, normal/italic). */
export function berkasHuruf(fontDir: string = fontPackageDir()): string[] {
  return (['latin', 'latin-ext'] as const).flatMap((s) =>
    ([400, 700] as const).flatMap((w) => (['normal', 'italic'] as const).map((st) => berkasArimo(fontDir, s, w, st))),
  );
}

/**
 * `@font-face` rules for Arimo 400/700, normal and italic, embedded as data: URLs: the latin subset
 * always, the latin-ext subset when `teks` (the document's HTML) needs it (or when no text is
 * given). `font-display: block` because print must wait for the real font, never a fallback.
 */
export function fontFaceCss(opsi: { teks?: string; fontDir?: string } = {}): string {
  const fontDir = opsi.fontDir ?? fontPackageDir();
  const subset = opsi.teks === undefined || perluLatinExt(opsi.teks) ? (['latin', 'latin-ext'] as const) : (['latin'] as const);
  const rules: string[] = [];
  for (const s of subset) {
    for (const weight of [400, 700] as const) {
      for (const style of ['normal', 'italic'] as const) {
        const file = berkasArimo(fontDir, s, weight, style);
        rules.push(
          `@font-face {\n` +
            `  font-family: '${fontFamily}';\n` +
            `  font-style: ${style};\n` +
            `  font-weight: ${weight};\n` +
            `  font-display: block;\n` +
            `  src: url("${fontDataUrl(file)}") format('woff2');\n` +
            `  unicode-range: ${s === 'latin' ? LATIN_RANGE : LATIN_EXT_RANGE};\n` +
            `}`,
        );
      }
    }
  }
  return rules.join('\n');
}
