/**
 * How printed page numbers relate to physical pages, and the CSS that makes it so.
 *
 * Chromium (checked on 156) ignores `counter-reset: page` on elements, on named pages and on
 * `:first`/`:nth()` page selectors, but it honours `counter-increment` in a named @page rule and
 * custom counters in page margin boxes. So the front matter stops the `page` counter
 * (`counter-increment: page 0`) and counts its own `halaman-depan` counter instead, shown in lower
 * roman; the first page of the main matter then prints "1" by itself. Consequences:
 *   - front-matter page p (physical, 1-based) prints roman(p): the cover counts as i even though
 *     it shows nothing, as in printed reports;
 *   - main-matter page p prints p - F, where F is the number of front-matter pages;
 *   - F is read from the PDF: it is the physical page of the element marked `data-page-start`
 *     minus one. Without such an element every page prints its physical number.
 * Templates put every front-matter element on the named page `sampul` (cover, no number) or
 * `depan` (roman), and include PAGE_NUMBER_CSS; landscape parts of the main matter use `lebar`.
 */

/** Named pages and counters; templates add fonts and sizes for the margin boxes on top of it. */
export const PAGE_NUMBER_CSS = `
@page { @bottom-center { content: counter(page); } }
@page sampul { counter-increment: page 0 halaman-depan 1; @bottom-center { content: none; } }
@page depan { counter-increment: page 0 halaman-depan 1; @bottom-center { content: counter(halaman-depan, lower-roman); } }
@page lebar { size: A4 landscape; }
.halaman-sampul { page: sampul; }
.halaman-depan { page: depan; }
.halaman-lebar { page: lebar; }
`;

const ROMAN: readonly [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** Lower-case roman numeral, as CSS `lower-roman` prints it (1..3999). */
export function toLowerRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  let rest = n;
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** The number printed in the footer of physical page `physical` when `frontCount` pages are front matter. */
export function pageLabel(physical: number, frontCount: number): string {
  return physical <= frontCount ? toLowerRoman(physical) : String(physical - frontCount);
}
