/**
 * The layout audit: after the HTML is loaded in Chromium and before it is printed, measure what a
 * reviewer would see and report it like TeX reports an overfull box: an element wider than its
 * page (LKJ601), a table cell whose content is wider than the cell (LKJ602), text that prints below
 * 7 pt (LKJ603), a number or code laid out on two lines (LKJ604), a word cut in the middle because
 * it is longer than its line (LKJ605), a list indented past a third of the page (LKJ606).
 *
 * How it measures with JavaScript off: see sesi-ukur.ts (CDP evaluation in an isolated world; the
 * document's own scripts never run). The in-page code is audit-ukur.ts.
 *
 * What layout it measures. Chromium lays a document out for print at the width of each page's
 * printable area; in a browser page there are no pages. So the audit emulates print media and lays
 * the document out once per distinct printable width (portrait A4 and the landscape `lebar` pages),
 * with the root element exactly that wide, and measures in each layout only the elements that print
 * on pages of that width (the `page` property, inherited from ancestors). Widths come from the
 * document's own `@page` rules, so a paper-size setting needs no change here. The root's style and
 * the emulation are restored before printing. Pagination itself (a heading ending a page) is not
 * known before printing: the templates prevent it with CSS and the PDF tests check it on the
 * printed file.
 *
 * Everything below `auditHalaman` is pure: grouping page widths, classifying the raw measurements
 * into findings, and wording them as diagnostics.
 */
import { diagnosa, type Diagnostic, type Severity } from '../diagnostics.js';
import { surveiDiHalaman, ukurDiHalaman, type AturanHalaman, type ArgUkur, type LokasiUkur, type SurveiHalaman, type UkuranMentah } from './audit-ukur.js';
import type { SesiUkur } from './sesi-ukur.js';

export type { AturanHalaman, LokasiUkur, UkuranMentah } from './audit-ukur.js';

export const BATAS_AUDIT = {
  /** Smallest printed text size (pt). */
  ptMin: 7,
  /** A list item starting further right than this fraction of the printable width is too deep. */
  rasioMenjorok: 1 / 3,
  /** Slack (CSS px, 1/96 in) before anything counts as outside: sub-pixel rounding of borders. */
  toleransiPx: 1.5,
} as const;

export type BatasAudit = { -readonly [K in keyof typeof BATAS_AUDIT]: number };

export type KodeAudit = 'LKJ601' | 'LKJ602' | 'LKJ603' | 'LKJ604' | 'LKJ605' | 'LKJ606';

export interface TemuanAudit {
  kode: KodeAudit;
  lokasi: LokasiUkur;
  /** What is wrong, with the measured figure. */
  detail: string;
}

/** One layout of the audit: the page names printed at one width and what was measured on them. */
export interface KelompokUkur {
  halaman: string[];
  lebarPx: number;
  ukuran: UkuranMentah;
}

export interface HasilAudit {
  temuan: TemuanAudit[];
  /** Time the measuring took inside the browser step, for the bench and the log. */
  ms: number;
}

// ---------------------------------------------------------------------------------------------
// Page geometry (pure)

const MM_PER_IN = 25.4;
const PX_PER_MM = 96 / MM_PER_IN;

/** Paper sizes CSS names (portrait, mm). */
const KERTAS: Record<string, [number, number]> = {
  a5: [148, 210],
  a4: [210, 297],
  a3: [297, 420],
  b5: [176, 250],
  b4: [250, 353],
  'jis-b5': [182, 257],
  'jis-b4': [257, 364],
  letter: [8.5 * MM_PER_IN, 11 * MM_PER_IN],
  legal: [8.5 * MM_PER_IN, 14 * MM_PER_IN],
  ledger: [11 * MM_PER_IN, 17 * MM_PER_IN],
};

const SATUAN_MM: Record<string, number> = { mm: 1, cm: 10, q: 0.25, in: MM_PER_IN, pt: MM_PER_IN / 72, pc: MM_PER_IN / 6, px: 1 / PX_PER_MM };

/** "20mm" -> 20; "0.5in" -> 12.7; anything else (auto, %, empty) -> undefined. */
export function panjangMm(teks: string): number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(mm|cm|q|in|pt|pc|px)?\s*$/i.exec(teks);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n === 0 && m[2] === undefined) return 0;
  const f = SATUAN_MM[(m[2] ?? '').toLowerCase()];
  return f === undefined ? undefined : n * f;
}

/** Page box of a `size` value: "a4", "a4 landscape", "landscape", "210mm 297mm", "200mm". */
export function ukuranKertas(size: string, dasar: [number, number]): [number, number] {
  const kata = size.trim().toLowerCase().split(/\s+/).filter(Boolean);
  let [w, h] = dasar;
  let orientasi: 'portrait' | 'landscape' | undefined;
  const panjang: number[] = [];
  for (const k of kata) {
    if (k === 'landscape' || k === 'portrait') orientasi = k;
    else if (KERTAS[k]) [w, h] = KERTAS[k] as [number, number];
    else {
      const mm = panjangMm(k);
      if (mm !== undefined) panjang.push(mm);
    }
  }
  if (panjang.length === 1) [w, h] = [panjang[0] as number, panjang[0] as number];
  if (panjang.length >= 2) [w, h] = [panjang[0] as number, panjang[1] as number];
  if (orientasi === 'landscape' && w < h) [w, h] = [h, w];
  if (orientasi === 'portrait' && w > h) [w, h] = [h, w];
  return [w, h];
}

export interface GeometriHalaman {
  nama: string;
  /** Page box, printable area and top margin, in mm. */
  lebarMm: number;
  tinggiMm: number;
  lebarCetakMm: number;
  tinggiCetakMm: number;
  marginAtasMm: number;
  marginKiriMm: number;
}

/**
 * The page box of page `nama` as Chromium applies the cascade: the unnamed `@page` rules first,
 * then those of the name, later declarations winning. No size at all is Chromium's default, Letter.
 */
export function geometriHalaman(aturan: readonly AturanHalaman[], nama: string): GeometriHalaman {
  let size = '';
  let kiri = 0;
  let kanan = 0;
  let atas = 0;
  let bawah = 0;
  const berlaku = [...aturan.filter((a) => a.nama === ''), ...(nama === '' ? [] : aturan.filter((a) => a.nama === nama))];
  let [lebarMm, tinggiMm] = KERTAS.letter as [number, number];
  for (const a of berlaku) {
    if (a.size.trim() !== '') {
      size = a.size;
      // "landscape" alone turns the size set so far; a named size replaces it.
      [lebarMm, tinggiMm] = ukuranKertas(size, [lebarMm, tinggiMm]);
    }
    const l = panjangMm(a.marginLeft);
    const r = panjangMm(a.marginRight);
    const t = panjangMm(a.marginTop);
    const b = panjangMm(a.marginBottom);
    if (l !== undefined) kiri = l;
    if (r !== undefined) kanan = r;
    if (t !== undefined) atas = t;
    if (b !== undefined) bawah = b;
  }
  return { nama, lebarMm, tinggiMm, lebarCetakMm: lebarMm - kiri - kanan, tinggiCetakMm: tinggiMm - atas - bawah, marginAtasMm: atas, marginKiriMm: kiri };
}

/**
 * Page names grouped by printable width in whole CSS px (the viewport is a whole number of px;
 * rounding down measures against a width no wider than the real one).
 */
export function kelompokkanHalaman(aturan: readonly AturanHalaman[], dipakai: readonly string[]): { halaman: string[]; lebarPx: number }[] {
  const perLebar = new Map<number, string[]>();
  for (const nama of [...dipakai].sort()) {
    const px = Math.floor(geometriHalaman(aturan, nama).lebarCetakMm * PX_PER_MM);
    if (px <= 0) continue;
    perLebar.set(px, [...(perLebar.get(px) ?? []), nama]);
  }
  return [...perLebar].sort((a, b) => a[0] - b[0]).map(([lebarPx, halaman]) => ({ halaman, lebarPx }));
}

// ---------------------------------------------------------------------------------------------
// Classification (pure)

const mm = (px: number): string => (px / PX_PER_MM).toFixed(1).replace('.', ',');
const pt = (n: number): string => n.toFixed(1).replace('.', ',');

/** Findings of one kind are reported once per table (or narrative block), with a count and examples. */
function kunciTempat(l: LokasiUkur): string {
  return l.figur ?? `${l.berkas ?? ''}:${l.baris ?? ''}:${l.bagian ?? ''}:${l.figur ?? ''}`;
}

function contoh(xs: readonly string[], n = 3): string {
  const unik = [...new Set(xs)];
  const daftar = unik.slice(0, n).map((x) => `"${x}"`).join(', ');
  return unik.length > n ? `${daftar} dan ${unik.length - n} lainnya` : daftar;
}

function kelompokkan<T extends { lokasi: LokasiUkur }>(xs: readonly T[]): T[][] {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = kunciTempat(x.lokasi);
    m.set(k, [...(m.get(k) ?? []), x]);
  }
  return [...m.values()];
}

/** Turns raw measurements into findings: thresholds, one finding per table or block, stable order. */
export function klasifikasiAudit(kelompok: readonly KelompokUkur[], batas: BatasAudit = { ...BATAS_AUDIT }): TemuanAudit[] {
  const out: TemuanAudit[] = [];
  for (const k of kelompok) {
    const W = k.lebarPx;
    const u = k.ukuran;
    for (const x of u.luber) {
      const lebih = Math.max(x.kanan - W, -x.kiri);
      if (lebih <= batas.toleransiPx) continue;
      out.push({
        kode: 'LKJ601',
        lokasi: x.lokasi,
        detail:
          `${x.lokasi.elemen} selebar ${mm(x.kanan - Math.min(x.kiri, 0))} mm melewati bidang cetak halaman ` +
          `(${mm(W)} mm) sebanyak ${mm(lebih)} mm; bagian yang lewat terpotong di kertas.`,
      });
    }
    for (const g of kelompokkan(u.selLuber.filter((x) => x.isi - x.sel > batas.toleransiPx))) {
      const terlebar = g.reduce((a, b) => (b.isi - b.sel > a.isi - a.sel ? b : a));
      out.push({
        kode: 'LKJ602',
        lokasi: terlebar.lokasi,
        detail:
          `${g.length} sel berisi teks yang lebih lebar dari kolomnya (paling jauh ${mm(terlebar.isi - terlebar.sel)} mm), ` +
          `sehingga menimpa sel sebelah atau terpotong: ${contoh(g.map((x) => x.lokasi.cuplikan ?? x.lokasi.elemen))}.`,
      });
    }
    for (const x of u.teksKecil) {
      if (x.pt >= batas.ptMin - 0.01) continue;
      out.push({
        kode: 'LKJ603',
        lokasi: x.lokasi,
        detail: `${x.jumlah} potong teks tercetak di bawah ${pt(batas.ptMin)} pt (terkecil ${pt(x.pt)} pt).`,
      });
    }
    for (const g of kelompokkan(u.angkaPatah)) {
      out.push({
        kode: 'LKJ604',
        lokasi: g[0]!.lokasi,
        detail: `${g.length} angka atau kode terpecah ke baris berikutnya di dalam selnya: ${contoh(g.map((x) => x.teks))}.`,
      });
    }
    for (const g of kelompokkan(u.kataPatah)) {
      out.push({
        kode: 'LKJ605',
        lokasi: g[0]!.lokasi,
        detail:
          `${g.length} kata lebih panjang dari barisnya dan dipenggal di tengah: ` +
          `${contoh(g.map((x) => (x.teks.length > 60 ? `${x.teks.slice(0, 57)}...` : x.teks)))}.`,
      });
    }
    for (const g of kelompokkan(u.menjorok)) {
      const terdalam = g.reduce((a, b) => (b.kiri > a.kiri ? b : a));
      out.push({
        kode: 'LKJ606',
        lokasi: terdalam.lokasi,
        detail:
          `daftar bersarang ${terdalam.tingkat} tingkat; butir terdalam mulai ${mm(terdalam.kiri)} mm dari tepi kiri ` +
          `bidang cetak (lebih dari ${Math.round(batas.rasioMenjorok * 100)}% dari lebar ${mm(W)} mm).`,
      });
    }
  }
  return out;
}

/** Where a finding is, in the document's own words: the table by its caption, else the section. */
export function tempatTemuan(l: LokasiUkur): string {
  const bagian = l.bagian ? `bagian "${l.bagian}"` : 'awal dokumen';
  if (l.figur) return `${l.keterangan ? `"${l.keterangan}"` : l.figur} (${bagian})`;
  return bagian;
}

/**
 * Findings as diagnostics of the project's catalog, naming the document, the table or section and,
 * for narrative text, the Markdown file and line. `severity` is 'warning', or 'error' with --strict.
 */
export function diagnostikAudit(temuan: readonly TemuanAudit[], dokumen: string, severity: Severity = 'warning'): Diagnostic[] {
  return temuan.map((t) =>
    diagnosa(
      t.kode,
      { dokumen, tempat: tempatTemuan(t.lokasi), detail: t.detail },
      {
        severity,
        ...(t.lokasi.berkas !== undefined ? { file: t.lokasi.berkas } : {}),
        ...(t.lokasi.berkas !== undefined && t.lokasi.baris !== undefined ? { line: t.lokasi.baris } : {}),
      },
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// In the browser

/**
 * Measures the loaded page (see the module comment) in a measuring session (sesi-ukur.ts): one
 * evaluation lays the document out at each printable width in turn and measures it.
 */
export async function auditHalaman(sesi: SesiUkur, batas: BatasAudit = { ...BATAS_AUDIT }, surveiAda?: SurveiHalaman): Promise<HasilAudit> {
  const mulai = performance.now();
  const survei = surveiAda ?? (await sesi.jalankan(surveiDiHalaman, undefined));
  const kelompok = kelompokkanHalaman(survei.aturan, survei.dipakai);
  const arg: ArgUkur = {
    kelompok: kelompok.map((g) => ({ halaman: g.halaman, lebar: g.lebarPx })),
    ptMin: batas.ptMin,
    rasioMenjorok: batas.rasioMenjorok,
    toleransi: batas.toleransiPx,
  };
  const ukuran = await sesi.jalankan(ukurDiHalaman, arg);
  const hasil = kelompok.map((g, i) => ({ ...g, ukuran: ukuran[i] as UkuranMentah }));
  return { temuan: klasifikasiAudit(hasil, batas), ms: Math.round(performance.now() - mulai) };
}
