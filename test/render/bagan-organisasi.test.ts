import { describe, expect, it } from 'vitest';
import { bungkus, gambarBaganOrganisasi, LEBAR_LANSKAP_MM, LEBAR_POTRET_MM, pohonOrganisasi, PT_BAGAN } from '../../src/render/bagan-organisasi.js';
import { lebarTeks } from '../../src/render/ukuran-teks.js';
import type { DataSet, UnitOrganisasi } from '../../src/model/types.js';

interface Kotak { x: number; y: number; w: number; h: number }
interface Garis { x1: number; y1: number; x2: number; y2: number }

function urai(svg: string) {
  const num = (s: string, a: string): number => Number(new RegExp(`${a}="([\\d.-]+)"`).exec(s)?.[1]);
  const kotak: Kotak[] = [...svg.matchAll(/<rect [^>]*>/g)].map((m) => ({ x: num(m[0], 'x'), y: num(m[0], 'y'), w: num(m[0], 'width'), h: num(m[0], 'height') }));
  const garis: Garis[] = [...svg.matchAll(/<line [^>]*>/g)].map((m) => ({ x1: num(m[0], 'x1'), y1: num(m[0], 'y1'), x2: num(m[0], 'x2'), y2: num(m[0], 'y2') }));
  const teks = [...svg.matchAll(/<text [^>]*font-size="([\d.]+)"[^>]*>([\s\S]*?)<\/text>/g)].map((m) => ({
    mm: Number(m[1]),
    baris: [...m[2]!.matchAll(/<tspan x="([\d.]+)" y="([\d.]+)">([^<]*)<\/tspan>/g)].map((t) => ({ x: Number(t[1]), y: Number(t[2]), s: t[3]! })),
  }));
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
  return { kotak, garis, teks, lebar: Number(w), tinggi: Number(h), lebarMm: Number(/width="([\d.]+)mm"/.exec(svg)?.[1]) };
}

const tumpang = (a: Kotak, b: Kotak): boolean => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
/** A line crossing the inside of a box (touching its edge is how lines connect). */
function menembus(g: Garis, k: Kotak): boolean {
  const e = 0.05;
  if (g.x1 === g.x2) return g.x1 > k.x + e && g.x1 < k.x + k.w - e && Math.max(g.y1, g.y2) > k.y + e && Math.min(g.y1, g.y2) < k.y + k.h - e;
  return g.y1 > k.y + e && g.y1 < k.y + k.h - e && Math.max(g.x1, g.x2) > k.x + e && Math.min(g.x1, g.x2) < k.x + k.w - e;
}

const NAMA = ['Pengembangan Sumber Daya Manusia Kesehatan', 'Pelayanan Kesehatan', 'Pencegahan dan Pengendalian Penyakit', 'Kesehatan Masyarakat', 'Sarana Prasarana dan Alat Kesehatan', 'Kefarmasian', 'Data dan Sistem Informasi Kesehatan', 'Perencanaan', 'Pengawasan', 'Kemitraan', 'Penelitian', 'Pemberdayaan'];
function pohon(bidang: number, upt: number): UnitOrganisasi {
  return {
    unit: 'Kepala Dinas Kesehatan',
    sub_unit: [
      { unit: 'Kelompok Jabatan Fungsional', jenis: 'fungsional' },
      { unit: 'Sekretariat', jenis: 'sekretariat', sub_unit: ['Sub Bagian Umum dan Kepegawaian', 'Sub Bagian Keuangan', 'Sub Bagian Perencanaan'] },
      ...Array.from({ length: bidang }, (_, i) => ({ unit: `Bidang ${NAMA[i % NAMA.length]}`, sub_unit: [`Seksi Pertama ${i + 1}`, `Seksi Penyelenggaraan Administrasi Ketatausahaan ${i + 1}`] })),
      ...Array.from({ length: upt }, (_, i) => ({ unit: `UPT Pusat Kesehatan Masyarakat Kecamatan ${i + 1}`, jenis: 'upt' as const })),
    ],
  };
}

describe('organisation chart', () => {
  it.each([
    ['the bundled agency', 4, 0, false],
    ['a small office', 2, 1, false],
    ['8 bidang and 3 UPT', 8, 3, true],
    ['14 bidang in two rows', 14, 2, true],
  ])('%s: fits its page, boxes apart, lines between boxes, every name inside its box at 7.5 pt', (_n, bidang, upt, lanskap) => {
    const b = gambarBaganOrganisasi(pohon(bidang, upt), 'Struktur');
    const u = urai(b.svg);
    expect(b.lanskap).toBe(lanskap);
    // Drawn in mm at its printed size: the width attribute is the viewBox width.
    expect(u.lebarMm).toBe(u.lebar);
    expect(u.lebar).toBeLessThanOrEqual(lanskap ? LEBAR_LANSKAP_MM : LEBAR_POTRET_MM);
    expect(u.kotak).toHaveLength(1 + 2 + 3 + bidang * 3 + upt);
    for (const k of u.kotak) {
      expect(k.x).toBeGreaterThanOrEqual(0);
      expect(k.x + k.w).toBeLessThanOrEqual(u.lebar + 0.01);
      expect(k.y + k.h).toBeLessThanOrEqual(u.tinggi + 0.01);
    }
    u.kotak.forEach((a, i) => u.kotak.slice(i + 1).forEach((c) => expect(tumpang(a, c), JSON.stringify([a, c])).toBe(false)));
    for (const g of u.garis) for (const k of u.kotak) expect(menembus(g, k), JSON.stringify([g, k])).toBe(false);
    // Every text at 7 pt or more, every line of it inside a box.
    for (const t of u.teks) {
      expect(t.mm * (72 / 25.4)).toBeGreaterThanOrEqual(7);
      for (const l of t.baris) {
        const k = u.kotak.find((x) => l.y > x.y && l.y < x.y + x.h && l.x > x.x && l.x < x.x + x.w);
        expect(k, l.s).toBeDefined();
        expect(lebarTeks(l.s, t.mm * (72 / 25.4), true)).toBeLessThan(k!.w);
      }
    }
    // Every unit's name is printed.
    const semua = u.teks.map((t) => t.baris.map((l) => l.s).join(' ')).join(' | ');
    expect(semua).toContain('Kelompok Jabatan Fungsional');
    if (upt) expect(semua).toContain(`Kecamatan ${upt}`);
  });

  it('wraps a name on words, and cuts only a word longer than the box', () => {
    const nama = 'Bidang Perluasan Kerja dan Penempatan Tenaga Kerja';
    const baris = bungkus(nama, 30, PT_BAGAN);
    expect(baris.length).toBeGreaterThan(1);
    expect(baris.join(' ')).toBe(nama);
    for (const b of baris) expect(lebarTeks(b, PT_BAGAN)).toBeLessThanOrEqual(30);
    const potong = bungkus('Ketenagakerjaantransmigrasian', 15, PT_BAGAN);
    expect(potong.length).toBeGreaterThan(1);
    expect(potong.slice(0, -1).every((b) => b.endsWith('-'))).toBe(true);
    for (const b of potong) expect(lebarTeks(b, PT_BAGAN)).toBeLessThanOrEqual(15);
  });

  it('reads the tree from opd.yaml, or the older flat list of lkjip.yaml (first unit = head)', () => {
    const dasar = { opd: { nama: 'x' }, tahun: new Map([[2024, { tahun: 2024, narasi: {}, lkjip: { struktur_organisasi: [{ unit: 'Kepala Badan' }, { unit: 'Sekretariat', sub_unit: ['Subbag Umum'] }, { unit: 'Bidang A' }] } }]]) } as unknown as DataSet;
    expect(pohonOrganisasi(dasar, 2024)).toEqual({ unit: 'Kepala Badan', sub_unit: [{ unit: 'Sekretariat', sub_unit: ['Subbag Umum'] }, { unit: 'Bidang A', sub_unit: [] }] });
    const pohonOpd = { unit: 'Kepala', sub_unit: ['Bidang B'] };
    expect(pohonOrganisasi({ ...dasar, opd: { ...dasar.opd, struktur_organisasi: pohonOpd } }, 2024)).toBe(pohonOpd);
    expect(pohonOrganisasi({ ...dasar, tahun: new Map() }, 2024)).toBeNull();
  });
});
