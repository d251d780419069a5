/**
 * The organisation chart (LKJIP Bab I 1.4), drawn at build time as SVG from the unit tree in
 * opd.yaml (`struktur_organisasi`), like the other charts: no picture to keep up to date by hand.
 *
 * Layout of the usual Indonesian chart (Permendagri 5/2017 style): the head at the top; the
 * kelompok jabatan fungsional (dashed line) to the left and the sekretariat to the right of the
 * head's line; the bidang side by side on one bus below, each with its seksi stacked under it; the
 * UPT on a bus at the bottom. Sizes are millimetres (the viewBox is in mm and the SVG is printed at
 * that size), so the type size is known: 7.5 pt in every box. Boxes wrap their names; a row of
 * bidang that does not fit the portrait text width goes to a landscape page, and one that does not
 * fit that either wraps into several rows on the same column grid.
 */
import type { DataSet, JenisUnit, UnitOrganisasi } from '../model/types.js';
import { escapeHtml } from '../export/html-marks.js';
import { fontFamily } from './assets.js';
import { lebarTeks } from './ukuran-teks.js';

/** Printed type size of the box texts (pt) and the head's. */
export const PT_BAGAN = 7.5;
const PT_KEPALA = 8.5;
const MM_PER_PT = 25.4 / 72;

/** Usable widths (mm) of a portrait and a landscape page, less a little air. */
export const LEBAR_POTRET_MM = 160;
export const LEBAR_LANSKAP_MM = 262;

const PAD_X = 1.6;
const PAD_Y = 1.3;
const GAP_X = 4;
const GAP_Y = 7;
const INDEN = 3.5;
const JARAK_ANAK = 1.8;
const LEBAR_MAKS = 46;
const LEBAR_MIN = 22;

interface Kotak {
  x: number;
  y: number;
  w: number;
  h: number;
  baris: string[];
  tebal: boolean;
  pt: number;
}

interface Garis {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  putus?: boolean;
}

/** A unit with its sub units normalised (a name alone is a unit without children). */
interface Simpul {
  nama: string;
  jenis: JenisUnit;
  anak: Simpul[];
}

function normal(u: UnitOrganisasi | string): Simpul {
  if (typeof u === 'string') return { nama: u, jenis: 'bidang', anak: [] };
  return { nama: u.unit, jenis: u.jenis ?? 'bidang', anak: (u.sub_unit ?? []).map(normal) };
}

/**
 * The unit tree of a year: opd.yaml `struktur_organisasi`, or else the older flat list of the
 * year's lkjip.yaml (its first unit is the head, the others stand under it, each with its
 * sub units). Null when the data has neither.
 */
export function pohonOrganisasi(data: DataSet, tahun: number): UnitOrganisasi | null {
  if (data.opd.struktur_organisasi) return data.opd.struktur_organisasi;
  const daftar = data.tahun.get(tahun)?.lkjip?.struktur_organisasi;
  if (!daftar || daftar.length === 0) return null;
  const [kepala, ...lain] = daftar;
  return {
    unit: kepala!.unit,
    sub_unit: [...(kepala!.sub_unit ?? []), ...lain.map((u) => ({ unit: u.unit, sub_unit: u.sub_unit ?? [] }))],
  };
}

/** Words of `teks` in lines no wider than `lebar` mm; a word longer than a line is cut with a hyphen. */
export function bungkus(teks: string, lebar: number, pt: number, tebal = false): string[] {
  const baris: string[] = [];
  let kini = '';
  const muat = (s: string): boolean => lebarTeks(s, pt, tebal) <= lebar;
  for (let kata of teks.split(/\s+/).filter(Boolean)) {
    while (!muat(kata)) {
      // Longest piece that fits with its hyphen.
      let n = kata.length - 1;
      while (n > 1 && !muat(`${kata.slice(0, n)}-`)) n--;
      if (kini) {
        baris.push(kini);
        kini = '';
      }
      baris.push(`${kata.slice(0, n)}-`);
      kata = kata.slice(n);
    }
    const calon = kini ? `${kini} ${kata}` : kata;
    if (muat(calon)) kini = calon;
    else {
      baris.push(kini);
      kini = kata;
    }
  }
  if (kini) baris.push(kini);
  return baris.length > 0 ? baris : [''];
}

const tinggiBaris = (pt: number): number => pt * MM_PER_PT * 1.22;
const tinggiKotak = (n: number, pt: number): number => n * tinggiBaris(pt) + 2 * PAD_Y;

/** The widest single word of a column (a unit and its sub units at their indents). */
function kataTerlebarKolom(s: Simpul, inden = 0): number {
  const kata = Math.max(...s.nama.split(/\s+/).map((k) => lebarTeks(k, PT_BAGAN)));
  return Math.max(kata + inden, ...s.anak.map((a) => kataTerlebarKolom(a, inden + INDEN)));
}

/** Lays out a unit with its sub units stacked under it; returns the height used. */
function susunTumpuk(s: Simpul, x: number, y: number, w: number, tinggiTetap: number | null, kotak: Kotak[], garis: Garis[]): number {
  const baris = bungkus(s.nama, w - 2 * PAD_X, PT_BAGAN);
  const h = Math.max(tinggiTetap ?? 0, tinggiKotak(baris.length, PT_BAGAN));
  kotak.push({ x, y, w, h, baris, tebal: false, pt: PT_BAGAN });
  let bawah = y + h;
  if (s.anak.length > 0) {
    const xGaris = x + INDEN / 2;
    let akhirGaris = bawah;
    for (const a of s.anak) {
      const yAnak = bawah + JARAK_ANAK;
      const tinggiAnak = susunTumpuk(a, x + INDEN, yAnak, w - INDEN, null, kotak, garis);
      const tengah = yAnak + tinggiKotak(bungkus(a.nama, w - INDEN - 2 * PAD_X, PT_BAGAN).length, PT_BAGAN) / 2;
      garis.push({ x1: xGaris, y1: tengah, x2: x + INDEN, y2: tengah });
      akhirGaris = tengah;
      bawah = yAnak + tinggiAnak;
    }
    garis.push({ x1: xGaris, y1: y + h, x2: xGaris, y2: akhirGaris });
  }
  return bawah - y;
}

export interface BaganOrganisasi {
  svg: string;
  /** Printed width in mm; wider than the portrait text width means a landscape page. */
  lebar: number;
  tinggi: number;
  lanskap: boolean;
}

/** Draws the chart of a unit tree. */
export function gambarBaganOrganisasi(pohon: UnitOrganisasi, judul: string): BaganOrganisasi {
  const akar = normal(pohon);
  const staf = akar.anak.filter((a) => a.jenis === 'sekretariat');
  const fungsional = akar.anak.filter((a) => a.jenis === 'fungsional');
  const lini = akar.anak.filter((a) => a.jenis === 'bidang');
  const upt = akar.anak.filter((a) => a.jenis === 'upt');

  // Column width of the line units: as wide as the page allows (up to LEBAR_MAKS), never narrower
  // than their longest word.
  const minKolom = Math.max(LEBAR_MIN, ...[...lini, ...upt].map((s) => kataTerlebarKolom(s) + 2 * PAD_X + 0.5));
  const perlu = (n: number): number => n * minKolom + Math.max(0, n - 1) * GAP_X;
  const banyak = Math.max(lini.length, upt.length, 1);
  const lanskap = perlu(banyak) > LEBAR_POTRET_MM;
  const W = lanskap ? LEBAR_LANSKAP_MM : LEBAR_POTRET_MM;
  const perBaris = Math.max(1, Math.min(lini.length || 1, Math.floor((W + GAP_X) / (minKolom + GAP_X))));
  const kolom = Math.min(LEBAR_MAKS, (W - (perBaris - 1) * GAP_X) / perBaris);
  const lebarGrid = perBaris * kolom + (perBaris - 1) * GAP_X;
  const xGrid = (W - lebarGrid) / 2;
  const xKolom = (i: number): number => xGrid + i * (kolom + GAP_X);

  const kotak: Kotak[] = [];
  const garis: Garis[] = [];
  const tengah = W / 2;

  // Head
  const wKepala = Math.min(70, Math.max(45, lebarTeks(akar.nama, PT_KEPALA, true) + 2 * PAD_X + 2));
  const barisKepala = bungkus(akar.nama, wKepala - 2 * PAD_X, PT_KEPALA, true);
  const hKepala = tinggiKotak(barisKepala.length, PT_KEPALA) + 1;
  kotak.push({ x: tengah - wKepala / 2, y: 0.5, w: wKepala, h: hKepala, baris: barisKepala, tebal: true, pt: PT_KEPALA });
  let y = 0.5 + hKepala + GAP_Y;

  // Staff level: fungsional to the left, sekretariat to the right of the head's line.
  const wStaf = Math.min(LEBAR_MAKS + 6, (W / 2 - GAP_X * 2) / Math.max(1, staf.length, fungsional.length));
  let bawahStaf = y;
  const sisi = (daftar: Simpul[], kanan: boolean, putus: boolean): void => {
    daftar.forEach((s, i) => {
      const x = kanan ? tengah + GAP_X * 1.5 + i * (wStaf + GAP_X) : tengah - GAP_X * 1.5 - wStaf - i * (wStaf + GAP_X);
      const h = susunTumpuk(s, x, y, wStaf, null, kotak, garis);
      const hKotak = kotak.find((k) => k.x === x && k.y === y)!.h;
      const tepi = kanan ? x : x + wStaf;
      garis.push({ x1: tengah, y1: y + hKotak / 2, x2: tepi, y2: y + hKotak / 2, putus });
      bawahStaf = Math.max(bawahStaf, y + h);
    });
  };
  sisi(fungsional, false, true);
  sisi(staf, true, false);
  y = staf.length + fungsional.length > 0 ? bawahStaf + GAP_Y : y;

  // Line units in rows of `perBaris` on one column grid; the head's line runs down a gap (`xTulang`).
  const baris: Simpul[][] = [];
  for (let i = 0; i < lini.length; i += perBaris) baris.push(lini.slice(i, i + perBaris));
  const gapTengah = perBaris > 1 ? Math.round(perBaris / 2) - 1 : 0;
  const xTulang = perBaris > 1 ? xKolom(gapTengah) + kolom + GAP_X / 2 : xKolom(0) + kolom + GAP_X / 2;
  let yTulang = y - GAP_Y / 2; // where the line from the head currently ends
  garis.push({ x1: tengah, y1: 0.5 + hKepala, x2: tengah, y2: yTulang });
  baris.forEach((deret, r) => {
    const yBus = y - GAP_Y / 2;
    const pusat = deret.map((_, i) => xKolom(i) + kolom / 2);
    // The bus reaches the head's line and, when more follows below, the spine in the gap.
    const titik = [...pusat, r === 0 ? tengah : xTulang, ...(r < baris.length - 1 || upt.length > 0 ? [xTulang] : [])];
    garis.push({ x1: Math.min(...titik), y1: yBus, x2: Math.max(...titik), y2: yBus });
    if (r > 0) garis.push({ x1: xTulang, y1: yTulang, x2: xTulang, y2: yBus });
    yTulang = yBus;
    const tinggiAtas = Math.max(...deret.map((s) => tinggiKotak(bungkus(s.nama, kolom - 2 * PAD_X, PT_BAGAN).length, PT_BAGAN)));
    let bawah = y;
    deret.forEach((s, i) => {
      garis.push({ x1: pusat[i]!, y1: yBus, x2: pusat[i]!, y2: y });
      bawah = Math.max(bawah, y + susunTumpuk(s, xKolom(i), y, kolom, tinggiAtas, kotak, garis));
    });
    y = bawah + GAP_Y;
  });

  // UPT on a bus at the bottom.
  if (upt.length > 0) {
    const yBus = y - GAP_Y / 2;
    const n = upt.length;
    const lebarUpt = n * kolom + (n - 1) * GAP_X;
    const x0 = (W - lebarUpt) / 2;
    const pusat = upt.map((_, i) => x0 + i * (kolom + GAP_X) + kolom / 2);
    const dari = baris.length > 0 ? xTulang : tengah;
    garis.push({ x1: dari, y1: yTulang, x2: dari, y2: yBus });
    garis.push({ x1: Math.min(dari, ...pusat), y1: yBus, x2: Math.max(dari, ...pusat), y2: yBus });
    const tinggiAtas = Math.max(...upt.map((s) => tinggiKotak(bungkus(s.nama, kolom - 2 * PAD_X, PT_BAGAN).length, PT_BAGAN)));
    let bawah = y;
    upt.forEach((s, i) => {
      garis.push({ x1: pusat[i]!, y1: yBus, x2: pusat[i]!, y2: y });
      bawah = Math.max(bawah, y + susunTumpuk(s, x0 + i * (kolom + GAP_X), y, kolom, tinggiAtas, kotak, garis));
    });
    y = bawah + GAP_Y;
  }

  const H = Math.max(...kotak.map((k) => k.y + k.h)) + 1;
  const f = (n: number): string => (Math.round(n * 100) / 100).toString();
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="bagan-organisasi" width="${f(W)}mm" height="${f(H)}mm" viewBox="0 0 ${f(W)} ${f(H)}" role="img" aria-label="${escapeHtml(judul)}">`,
  ];
  for (const g of garis) {
    out.push(`<line x1="${f(g.x1)}" y1="${f(g.y1)}" x2="${f(g.x2)}" y2="${f(g.y2)}" stroke="#000" stroke-width="0.3"${g.putus ? ' stroke-dasharray="1.2 0.8"' : ''}/>`);
  }
  for (const k of kotak) {
    out.push(`<rect x="${f(k.x)}" y="${f(k.y)}" width="${f(k.w)}" height="${f(k.h)}" fill="#fff" stroke="#000" stroke-width="${k.tebal ? 0.45 : 0.3}"/>`);
    const fs = k.pt * MM_PER_PT;
    const lh = tinggiBaris(k.pt);
    const y0 = k.y + k.h / 2 - (k.baris.length * lh) / 2 + lh * 0.78;
    const tspan = k.baris.map((b, i) => `<tspan x="${f(k.x + k.w / 2)}" y="${f(y0 + i * lh)}">${escapeHtml(b)}</tspan>`).join('');
    out.push(`<text text-anchor="middle" font-family="${fontFamily}" font-size="${f(fs)}"${k.tebal ? ' font-weight="bold"' : ''}>${tspan}</text>`);
  }
  out.push('</svg>');
  return { svg: out.join(''), lebar: W, tinggi: H, lanskap };
}
