/**
 * Files the rendered HTML may load, and the font CSS that points at them.
 *
 * The PDF is printed offline by Chromium with every request blocked except file:// URLs inside
 * the folders listed here (see src/export/browser.ts), so the fonts are referenced by absolute
 * file:// URLs into the installed @fontsource/arimo package instead of a CDN. Arimo is metrically
 * compatible with Arial, the face Indonesian government documents are usually typed in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/**
 * `@font-face` rules for Arimo 400/700, normal and italic, latin and latin-ext, with absolute
 * file:// URLs. `font-display: block` because print must wait for the real font, never a fallback.
 */
export function fontFaceCss(fontDir: string = fontPackageDir()): string {
  const rules: string[] = [];
  for (const subset of ['latin', 'latin-ext'] as const) {
    for (const weight of [400, 700] as const) {
      for (const style of ['normal', 'italic'] as const) {
        const file = join(fontDir, 'files', `arimo-${subset}-${weight}-${style}.woff2`);
        rules.push(
          `@font-face {\n` +
            `  font-family: '${fontFamily}';\n` +
            `  font-style: ${style};\n` +
            `  font-weight: ${weight};\n` +
            `  font-display: block;\n` +
            `  src: url("${pathToFileURL(file).href}") format('woff2');\n` +
            `  unicode-range: ${subset === 'latin' ? LATIN_RANGE : LATIN_EXT_RANGE};\n` +
            `}`,
        );
      }
    }
  }
  return rules.join('\n');
}
