/**
 * The dotted leaders of the Daftar Isi, Daftar Tabel and Daftar Gambar (templates/umum/dokumen.css)
 * as Chromium lays them out: on every entry, one- or two-line, the leader is visible on the title's
 * last line from where its text ends to the page number box, the number box sits on that last line
 * at the right edge with its fixed width, and nothing sticks out of the entry (the layout audit
 * would report it). A wrapped title once left its leader a sliver at the far right (Daftar Tabel)
 * or none at all (Daftar Isi).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/export/browser.js';
import { fontFaceCss, templatesDir } from '../../src/render/assets.js';
import { renderDaftarIsi } from '../../src/render/dokumen.js';
import { renderDaftarKeterangan } from '../../src/render/nomor-keterangan.js';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser();
}, 120_000);

afterAll(async () => {
  await session?.close();
}, 60_000);

const PANJANG = 'EVALUASI PELAKSANAAN RENJA PERANGKAT DAERAH TRIWULAN II DAN CAPAIAN RENSTRA PERANGKAT DAERAH SAMPAI DENGAN TAHUN BERKENAAN';

function dokumen(): string {
  const isi = renderDaftarIsi([
    { id: 'a', tingkat: 1, judul: 'BAB I PENDAHULUAN' },
    { id: 'b', tingkat: 2, judul: '1.1 LATAR BELAKANG' },
    { id: 'c', tingkat: 1, judul: `BAB II ${PANJANG}` },
    { id: 'd', tingkat: 2, judul: `2.1 ${PANJANG}` },
  ]);
  const tabel = renderDaftarKeterangan('daftar-tabel', 'DAFTAR TABEL', [
    { id: 'e', label: 'Tabel 1.1', judul: 'Skala Penilaian' },
    { id: 'f', label: 'Tabel 2.1', judul: `Perkembangan Kondisi ${PANJANG.toLowerCase()}` },
  ] as Parameters<typeof renderDaftarKeterangan>[2]);
  const css = readFileSync(path.join(templatesDir(), 'umum', 'dokumen.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaceCss()}\n${css}\nbody { width: 160mm; }</style></head>
<body>${isi}${tabel}</body></html>`;
}

interface Ukuran {
  teks: string;
  akhirTeks: number;
  bawahTeks: number;
  titikKiri: number;
  titikKanan: number;
  titikBawah: number;
  nomorKiri: number;
  nomorKanan: number;
  nomorBawah: number;
  liKanan: number;
  luber: boolean;
  baris: number;
}

describe('TOC leaders', { timeout: 120_000 }, () => {
  it('run on the last line of every entry from the end of its text to the page number; nothing sticks out', async () => {
    const p = await session.newPage();
    try {
      await p.load(dokumen(), 'file:///');
      const ukur = (await p.page.evaluate(`(() => Array.from(document.querySelectorAll('.daftar-isi li')).map((li) => {
        const judul = li.querySelector('.judul') || li.querySelector('a');
        const r = document.createRange();
        r.selectNodeContents(judul);
        const kotak = Array.from(r.getClientRects()).filter((k) => k.width > 0);
        const akhir = kotak[kotak.length - 1];
        const tops = new Set(kotak.map((k) => Math.round(k.top)));
        const t = li.querySelector('.titik').getBoundingClientRect();
        const n = li.querySelector('.toc-page').getBoundingClientRect();
        const l = li.getBoundingClientRect();
        return { teks: judul.textContent, akhirTeks: akhir.right, bawahTeks: akhir.bottom, titikKiri: t.left, titikKanan: t.right,
          titikBawah: t.bottom, nomorKiri: n.left, nomorKanan: n.right, nomorBawah: n.bottom, liKanan: l.right,
          luber: li.scrollWidth > li.clientWidth + 1, baris: tops.size };
      }))()`)) as Ukuran[];
      expect(ukur).toHaveLength(6);
      // The long titles do wrap (otherwise this test proves nothing about wrapped entries).
      expect(ukur.filter((u) => u.baris > 1).length).toBeGreaterThanOrEqual(3);
      const em = 11 * (96 / 72);
      for (const u of ukur) {
        // Visible leader: from just after the text (its white background hides what is under it) to
        // a little before the number box, at least 1.5 em long on these entries.
        expect(u.titikKanan - u.akhirTeks, u.teks).toBeGreaterThan(1.5 * em);
        expect(u.titikKiri, u.teks).toBeLessThan(u.akhirTeks);
        expect(u.titikKanan, u.teks).toBeLessThanOrEqual(u.nomorKiri + 1);
        // On the title's last line, not above it.
        expect(u.titikBawah, u.teks).toBeLessThanOrEqual(u.bawahTeks + 1);
        expect(u.titikBawah, u.teks).toBeGreaterThan(u.bawahTeks - 0.8 * em);
        expect(Math.abs(u.nomorBawah - u.bawahTeks), u.teks).toBeLessThan(0.5 * em);
        // The number box: fixed width, at the right edge.
        expect(Math.abs(u.nomorKanan - u.liKanan), u.teks).toBeLessThan(1);
        expect(u.nomorKanan - u.nomorKiri, u.teks).toBeCloseTo(2.6 * em, 0);
        expect(u.luber, u.teks).toBe(false);
      }
    } finally {
      await p.close();
    }
  });
});
