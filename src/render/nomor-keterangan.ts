/**
 * Numbered captions: every `<figure class="tabel ...">` becomes "Tabel <bab>.<n>" and every
 * `<figure class="grafik ...">` (charts, and pictures marked `grafik gambar`) "Gambar <bab>.<n>",
 * numbered per chapter in document order, whatever produced the figure (a table registry, a chart,
 * a picture in a narrative). A figure with the class `tanpa-nomor` keeps its caption as it is (the
 * attached Perjanjian Kinerja is a document of its own, not a table of the report).
 *
 * The chapter is the `data-bab` of the enclosing top-level section (BAB I -> "1"); figures outside
 * any chapter (front matter) are numbered "Tabel 1", "Tabel 2" ... Each numbered caption gets an id
 * so that the Daftar Tabel / Daftar Gambar can point at it: their page numbers are filled by the
 * export stage exactly like the Daftar Isi (toc-page spans, checked after printing). Official form
 * names stay in the caption after the title, e.g. "Tabel 2.1 EVALUASI ... (Tabel E.81)": the
 * number orders the report, the form name is what Bappeda and the narrative call the table.
 *
 * Cross-references written in a narrative (`{{nomor_tabel "3.2.a"}}`) are `span.rujukan` with the
 * figure id; they receive the same label. Pure string work on the assembled HTML.
 */
import { escapeHtml, readAttr, textOf } from '../export/html-marks.js';

export interface EntriDaftar {
  /** Id of the numbered caption (target of the list entry). */
  id: string;
  /** "Tabel 3.2", "Gambar 1.1". */
  label: string;
  /** Caption text without the label. */
  judul: string;
}

export interface HasilNomor {
  /** The fragments with numbered captions and filled cross-references, in the same order. */
  bagian: string[];
  tabel: EntriDaftar[];
  gambar: EntriDaftar[];
  /** Figure ids a cross-reference names but that are not in the document. */
  rujukanHilang: string[];
}

const SECTION_ATAU_FIGURE = /<section\b([^>]*)>|<figure\b([^>]*)>/gi;
const FIGCAPTION = /<figcaption\b([^>]*)>([\s\S]*?)<\/figcaption\s*>/i;
const NOMOR_LAMA = /<span\b[^>]*\bclass\s*=\s*"nomor"[^>]*>[\s\S]*?<\/span\s*>\s*/i;
const RUJUKAN = /(<span\b[^>]*\bclass\s*=\s*"rujukan"[^>]*>)([\s\S]*?)(<\/span\s*>)/gi;

function kelasDari(attrs: string): string[] {
  return (readAttr(attrs, 'class') ?? '').split(/\s+/).filter(Boolean);
}

/** Numbers the captions of all fragments as one document (shared counters, in order). */
export function nomoriKeterangan(bagian: readonly string[]): HasilNomor {
  const tabel: EntriDaftar[] = [];
  const gambar: EntriDaftar[] = [];
  const labelFigur = new Map<string, string>();
  const hitung = new Map<string, number>();
  let bab = '';
  const hasil = bagian.map((html) => {
    let out = '';
    let dari = 0;
    for (const m of html.matchAll(SECTION_ATAU_FIGURE)) {
      const mulai = m.index ?? 0;
      if (mulai < dari) continue;
      if (m[1] !== undefined) {
        const b = readAttr(m[1], 'data-bab');
        if (b !== undefined) bab = b;
        continue;
      }
      const attrs = m[2] ?? '';
      const kelas = kelasDari(attrs);
      const jenis = kelas.includes('tabel') ? 'Tabel' : kelas.includes('grafik') ? 'Gambar' : undefined;
      if (!jenis || kelas.includes('tanpa-nomor')) continue;
      // The caption must be this figure's own: before its end and before any next figure.
      const sisa = html.slice(mulai + m[0].length);
      const cap = FIGCAPTION.exec(sisa);
      const akhir = sisa.search(/<\/figure\s*>|<figure\b/i);
      if (!cap || (akhir >= 0 && cap.index > akhir)) continue;
      const kunci = `${jenis}:${bab}`;
      const n = (hitung.get(kunci) ?? 0) + 1;
      hitung.set(kunci, n);
      const label = `${jenis} ${bab === '' ? '' : `${bab}.`}${n}`;
      const idFigur = readAttr(attrs, 'id');
      const capAttrs = cap[1] ?? '';
      const idCap = readAttr(capAttrs, 'id') ?? `${idFigur ?? `${jenis.toLowerCase()}-${bab || 'depan'}-${n}`}-judul`;
      const isi = (cap[2] ?? '').replace(NOMOR_LAMA, '');
      (jenis === 'Tabel' ? tabel : gambar).push({ id: idCap, label, judul: textOf(isi) });
      if (idFigur) labelFigur.set(idFigur, label);
      const capBaru =
        `<figcaption${readAttr(capAttrs, 'id') === undefined ? ` id="${escapeHtml(idCap)}"` : ''}${capAttrs}>` +
        `<span class="nomor">${label}</span> ${isi.trim()}</figcaption>`;
      const awalCap = mulai + m[0].length + cap.index;
      out += html.slice(dari, awalCap) + capBaru;
      dari = awalCap + cap[0].length;
    }
    return out + html.slice(dari);
  });
  const rujukanHilang: string[] = [];
  const terisi = hasil.map((html) =>
    html.replace(RUJUKAN, (semua, buka: string, lama: string, tutup: string) => {
      const id = readAttr(buka, 'data-rujuk') ?? '';
      const label = labelFigur.get(id);
      if (label === undefined) {
        if (!rujukanHilang.includes(id)) rujukanHilang.push(id);
        return `${buka}${lama}${tutup}`;
      }
      return `${buka}${label}${tutup}`;
    }),
  );
  return { bagian: terisi, tabel, gambar, rujukanHilang };
}

/**
 * A Daftar Tabel / Daftar Gambar page: one entry per numbered caption, with a `toc-page` span the
 * export stage fills with the printed page number. Empty string when the document has none.
 */
export function renderDaftarKeterangan(id: string, judul: string, entri: readonly EntriDaftar[]): string {
  if (entri.length === 0) return '';
  const baris = entri
    .map(
      (e) =>
        `<li class="entri-keterangan"><a href="#${escapeHtml(e.id)}"><span class="label">${escapeHtml(e.label)}</span>` +
        `<span class="judul">${escapeHtml(e.judul)}</span></a>` +
        `<span class="titik"></span><span class="toc-page" data-target="${escapeHtml(e.id)}"></span></li>`,
    )
    .join('\n');
  return (
    `<section class="halaman-depan daftar-isi daftar-keterangan" id="${escapeHtml(id)}-bagian" data-toc data-bab="">` +
    `<h1 id="${escapeHtml(id)}" data-bookmark="1">${escapeHtml(judul)}</h1><ol>\n${baris}\n</ol></section>`
  );
}
