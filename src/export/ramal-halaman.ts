/**
 * Where an element will stand on its printed page, known before printing.
 *
 * Chromium breaks a document into pages with the same block-fragmentation engine (LayoutNG) it uses
 * for CSS multi-column layout. So the loaded document, laid out as columns exactly as wide and as
 * tall as the printable area of a page, is paginated as the print will be: every column is a page,
 * and an element's offset in its column is its offset in its page's content area. What only the
 * print knows is turned into column terms first: every forced page break (`break-before/after:
 * page|left|right`) becomes a column break, and so does every change of named page (a landscape
 * table after portrait text). Pages of another size (the landscape ones) are laid out at the
 * portrait width here, so column numbers past them are not page numbers; an offset counted from
 * the last forced break before an element is exact (checked against the print on both bundled
 * documents in test/export/ramal-halaman.test.ts).
 *
 * Used by the float of landscape tables (apung.ts): one multi-column layout (tens of ms) instead
 * of a full print to learn how full the page before each landscape table is.
 */

export interface PosisiRamalan {
  /** 0-based column (= page counted in pages of this size since the document start). */
  kolom: number;
  /** Offset from the top of the page's content area (CSS px). */
  atasPx: number;
}

/**
 * In the page (self-contained: sent as source text). Lays the document out as columns of
 * `lebar` x `tinggi` px, reads where the elements `ids` stand, and restores every style it touched.
 */
export function ramalDiHalaman(arg: { lebar: number; tinggi: number; ids: string[] }): (PosisiRamalan | null)[] {
  const akar = document.documentElement;
  const body = document.body;
  const gayaAsli = new Map<HTMLElement, string | null>();
  const atur = (el: HTMLElement, prop: string, nilai: string): void => {
    if (!gayaAsli.has(el)) gayaAsli.set(el, el.getAttribute('style'));
    el.style.setProperty(prop, nilai, 'important');
  };
  try {
    atur(akar, 'width', `${arg.lebar}px`);
    const PAKSA = new Set(['page', 'left', 'right', 'recto', 'verso']);
    const BLOK = new Set(['block', 'flow-root', 'flex', 'grid', 'table', 'list-item']);
    // Containers the page flow runs through; anything else is one leaf of the flow.
    const WADAH = new Set(['SECTION', 'DIV', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV']);
    const daun: { el: HTMLElement; halaman: string }[] = [];
    const jalan = (el: HTMLElement, halamanInduk: string): void => {
      for (const anak of Array.from(el.children)) {
        if (!(anak instanceof HTMLElement)) continue;
        const s = getComputedStyle(anak);
        if (s.display === 'none' || !BLOK.has(s.display) || s.position === 'absolute' || s.position === 'fixed' || s.cssFloat !== 'none') continue;
        const p = s.getPropertyValue('page');
        const halaman = p && p !== 'auto' ? p : halamanInduk;
        if (PAKSA.has(s.breakBefore)) atur(anak, 'break-before', 'column');
        if (PAKSA.has(s.breakAfter)) atur(anak, 'break-after', 'column');
        const wadah = WADAH.has(anak.tagName) && s.display !== 'flex' && s.display !== 'grid' && anak.children.length > 0;
        if (wadah) jalan(anak, halaman);
        else daun.push({ el: anak, halaman });
      }
    };
    jalan(body, '');
    for (let i = 1; i < daun.length; i++) {
      const d = daun[i] as { el: HTMLElement; halaman: string };
      if (d.halaman !== (daun[i - 1] as { halaman: string }).halaman) atur(d.el, 'break-before', 'column');
    }
    atur(body, 'column-width', `${arg.lebar}px`);
    atur(body, 'column-gap', '0px');
    atur(body, 'column-fill', 'auto');
    atur(body, 'height', `${arg.tinggi}px`);
    const kotak = body.getBoundingClientRect();
    const s = getComputedStyle(body);
    const kiri = kotak.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
    const atas = kotak.top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop);
    return arg.ids.map((id) => {
      const el = document.getElementById(id);
      if (!el) return null;
      // The first fragment: a block broken over columns has one rect per column.
      const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const kolom = Math.round((r.left - kiri) / arg.lebar);
      // An empty marker after a block that ends at a page foot (its bottom margin no longer fits):
      // the columns put it at the top of the next column, the print at the end of that page. The
      // page is full either way; it is reported as full (the block's bottom, within the page).
      const sebelum = el.previousElementSibling;
      if (el.childNodes.length === 0 && r.height === 0 && r.top - atas < 0.5 && kolom > 0 && sebelum) {
        const rs = sebelum.getClientRects();
        const akhir = rs[rs.length - 1];
        if (akhir && Math.round((akhir.left - kiri) / arg.lebar) === kolom - 1) {
          const bawah = akhir.bottom - atas + parseFloat(getComputedStyle(sebelum).marginBottom);
          return { kolom: kolom - 1, atasPx: Math.min(bawah, arg.tinggi) };
        }
      }
      return { kolom, atasPx: r.top - atas };
    });
  } finally {
    for (const [el, gaya] of gayaAsli) {
      if (gaya === null) el.removeAttribute('style');
      else el.setAttribute('style', gaya);
    }
  }
}
