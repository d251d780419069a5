/**
 * Print quality of every page, read back from the printed PDFs as a reviewer would see them, on
 * the bundled agency (data/, 2024) and on the made-up one (test/fixtures/opd-contoh, 2026):
 *   - the layout audit of the build finds nothing;
 *   - word boxes (pdftotext -bbox-layout): no word under 7 pt, none outside its page, no number
 *     cut at a thousands dot, no page other than a chapter's last whose text ends in its top 30 %;
 *   - signature names print exactly as the data writes them, both names of the PK on one baseline;
 *   - every Daftar Tabel / Daftar Gambar entry shows the page its caption stands on;
 *   - no table loses its right-hand columns.
 * And the fixture test/fixtures/tata-letak (a 300-character URL, a 12-level list, a 40-column
 * table in a narrative) gets audit findings with file and line, fails the build under --strict,
 * and does not make Chromium shrink the pages.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load as bacaYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaporanBuild } from '../../src/cli/commands/build.js';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { decodeEntities, textOf } from '../../src/export/html-marks.js';
import { bacaKataPdf, barisIsi, semuaKata, ukuranPt, type HalamanPdf } from './kata-pdf.js';

const root = path.resolve(__dirname, '../..');
const kerja = mkdtempSync(path.join(tmpdir(), 'lkjip-tata-letak-'));

interface Dokumen {
  nama: string;
  jenis: 'lkjip' | 'renja';
  pdf: string;
  html: string;
  halaman: HalamanPdf[];
  /** Plain text per page, reading order (pdftotext without -layout). */
  teks: string[];
  /** Audit findings (LKJ6xx) of this document. */
  temuan: Diagnostic[];
}

interface Agensi {
  nama: string;
  data: string;
  tahun: number;
  dokumen: Dokumen[];
}

const AGENSI: Agensi[] = [
  { nama: 'bundled', data: path.join(root, 'data'), tahun: 2024, dokumen: [] },
  { nama: 'opd-contoh', data: path.join(root, 'test/fixtures/opd-contoh/data'), tahun: 2026, dokumen: [] },
];

const teksPdf = (file: string): string[] => {
  const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
};
const rapat = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function bangun(a: Agensi): Promise<void> {
  const out = path.join(kerja, a.nama);
  const io = memoryIo({ SOURCE_DATE_EPOCH: '1738368000' }, root);
  const code = await run(['build', String(a.tahun), '--data', a.data, '--out', out, '--format', 'pdf,html', '--reporter', 'json'], io);
  expect(code, io.stderr).toBe(0);
  const laporan = JSON.parse(io.stdout) as LaporanBuild;
  const diagnostik = laporan.tahun[0]?.diagnostik ?? [];
  for (const jenis of ['lkjip', 'renja'] as const) {
    const pdf = path.join(out, String(a.tahun), `${jenis}-${a.tahun}.pdf`);
    const label = `${jenis === 'lkjip' ? 'LKJIP' : 'Renja'} ${a.tahun}`;
    a.dokumen.push({
      nama: `${a.nama} ${jenis}`,
      jenis,
      pdf,
      html: readFileSync(pdf.replace(/\.pdf$/, '.html'), 'utf8'),
      halaman: bacaKataPdf(pdf),
      teks: teksPdf(pdf),
      temuan: diagnostik.filter((d) => d.code.startsWith('LKJ6') && d.message.startsWith(`${label},`)),
    });
  }
}

beforeAll(async () => {
  for (const a of AGENSI) await bangun(a);
}, 300_000);

afterAll(() => rmSync(kerja, { recursive: true, force: true }));

const semuaDokumen = (): Dokumen[] => AGENSI.flatMap((a) => a.dokumen);

/** First line of every chapter-level heading (h1) and of the PK attachment page: pages that start a chapter. */
function awalBab(html: string): string[] {
  const judul = [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => rapat(decodeEntities((m[1] ?? '').split(/<br\s*\/?>/i)[0]!.replace(/<[^>]*>/g, ''))));
  return [...judul, 'Lampiran :'];
}

describe('layout audit of every build', () => {
  it.each(AGENSI.flatMap((a) => (['lkjip', 'renja'] as const).map((j) => [a.nama, j] as const)))('finds nothing in %s %s', (nama, jenis) => {
    const d = AGENSI.find((a) => a.nama === nama)!.dokumen.find((x) => x.jenis === jenis)!;
    expect(d.temuan.map((t) => t.message)).toEqual([]);
  });
});

describe('printed pages', () => {
  it('prints no word under 7 pt', () => {
    const masalah: string[] = [];
    for (const d of semuaDokumen()) {
      for (const h of d.halaman) {
        for (const k of semuaKata(h)) {
          const pt = ukuranPt(k);
          if (pt < 6.95) masalah.push(`${d.nama} p.${h.nomor}: "${k.teks}" ${pt.toFixed(2)} pt`);
        }
      }
    }
    expect(masalah).toEqual([]);
  });

  it('prints no word outside its page', () => {
    const masalah: string[] = [];
    for (const d of semuaDokumen()) {
      for (const h of d.halaman) {
        for (const k of semuaKata(h)) {
          if (k.x0 < -0.5 || k.y0 < -0.5 || k.x1 > h.lebar + 0.5 || k.y1 > h.tinggi + 0.5) masalah.push(`${d.nama} p.${h.nomor}: "${k.teks}"`);
        }
      }
    }
    expect(masalah).toEqual([]);
  });

  it('never cuts a number at a thousands dot', () => {
    const masalah: string[] = [];
    for (const d of semuaDokumen()) {
      for (const h of d.halaman) {
        for (const b of h.blok) {
          b.baris.forEach((l, i) => {
            const berikut = b.baris[i + 1];
            if (berikut && /\d\.$/.test(l.teks) && /^\d{3}\b/.test(berikut.teks)) masalah.push(`${d.nama} p.${h.nomor}: "${l.teks}" / "${berikut.teks}"`);
          });
        }
      }
    }
    expect(masalah).toEqual([]);
  });

  it("has no page, other than a chapter's last, whose text ends in its top 30 %", () => {
    const masalah: string[] = [];
    for (const d of semuaDokumen()) {
      const awal = awalBab(d.html);
      d.halaman.forEach((h, i) => {
        const isi = barisIsi(h);
        const berikut = d.halaman[i + 1];
        const babBaru = !berikut || awal.some((a) => (barisIsi(berikut)[0]?.teks ?? '').startsWith(a));
        if (i === 0 || babBaru || isi.length === 0) return;
        const akhir = Math.max(...isi.map((l) => l.y1));
        if (akhir < 0.3 * h.tinggi) masalah.push(`${d.nama} p.${h.nomor}: teks berakhir di ${Math.round((akhir / h.tinggi) * 100)} % ("${isi[isi.length - 1]?.teks}")`);
      });
    }
    expect(masalah).toEqual([]);
  });

  it('never ends a page with a heading or a caption', () => {
    const masalah: string[] = [];
    for (const d of semuaDokumen()) {
      const judul = new Set<string>();
      for (const m of d.html.matchAll(/<(h[1-4])\b[^>]*>([\s\S]*?)<\/\1>/g)) {
        for (const baris of (m[2] ?? '').split(/<br\s*\/?>/i)) judul.add(rapat(textOf(baris)));
      }
      for (const m of d.html.matchAll(/<span class="nomor">([^<]+)<\/span>/g)) judul.add(rapat(m[1] ?? ''));
      for (const h of d.halaman) {
        const isi = barisIsi(h);
        const akhir = rapat(isi[isi.length - 1]?.teks ?? '');
        // The whole heading, or its first line(s) with the rest carried to the next page.
        const judulAkhir = judul.has(akhir) || (akhir.length >= 12 && [...judul].some((j) => j !== akhir && j.startsWith(`${akhir} `)));
        if (judulAkhir) masalah.push(`${d.nama} p.${h.nomor}: "${akhir}"`);
      }
    }
    expect(masalah).toEqual([]);
  });

  it('keeps the right-hand column of every table (nothing clipped at the page edge)', () => {
    const masalah: string[] = [];
    for (const d of semuaDokumen()) {
      const semua = rapat(d.teks.join(' '));
      for (const m of d.html.matchAll(/<figure\b[^>]*\bid="(tabel-[^"]+)"[^>]*>[\s\S]*?<thead>\s*<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
        const kepala = [...(m[2] ?? '').matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((t) => textOf(t[1] ?? ''));
        const terakhir = kepala[kepala.length - 1]?.split(' ')[0];
        if (terakhir && !semua.includes(terakhir)) masalah.push(`${d.nama} ${m[1]}: "${terakhir}"`);
      }
    }
    expect(masalah).toEqual([]);
  });
});

describe('signature blocks', () => {
  interface Orang {
    nama: string;
    jabatan: string;
  }
  const yaml = (a: Agensi, ...p: string[]): Record<string, unknown> => bacaYaml(readFileSync(path.join(a.data, ...p), 'utf8')) as Record<string, unknown>;
  const penandatangan = (a: Agensi) => {
    const opd = yaml(a, 'opd.yaml');
    const lkjip = yaml(a, String(a.tahun), 'lkjip.yaml') as { dokumen?: { penandatangan?: Orang } };
    const renja = yaml(a, String(a.tahun), 'renja.yaml') as { dokumen?: { penandatangan?: Orang } };
    const pk = yaml(a, String(a.tahun), 'pk.yaml') as { papbd?: { pihak_pertama?: Orang; pihak_kedua?: Orang }; apbd?: { pihak_pertama?: Orang; pihak_kedua?: Orang } };
    const versi = pk.papbd ?? pk.apbd;
    return {
      lkjip: lkjip.dokumen?.penandatangan ?? (opd.kepala as Orang),
      renja: renja.dokumen?.penandatangan ?? (opd.kepala as Orang),
      pertama: versi?.pihak_pertama ?? (opd.kepala as Orang),
      kedua: versi?.pihak_kedua ?? (opd.kepala_daerah as Orang),
    };
  };
  const hitung = (teks: string, cari: string): number => teks.split(cari).length - 1;

  it.each(AGENSI.map((a) => [a.nama]))('prints every name exactly as %s writes it, in every block of the source', (nama) => {
    const a = AGENSI.find((x) => x.nama === nama)!;
    const p = penandatangan(a);
    const [lkjip, renja] = a.dokumen.map((d) => rapat(d.teks.join('\n')));
    // Kata Pengantar and Bab IV of each document; the PK under its text and under its attachment.
    expect(hitung(lkjip!, p.lkjip.nama)).toBeGreaterThanOrEqual(2);
    expect(hitung(renja!, p.renja.nama)).toBeGreaterThanOrEqual(2);
    const pk = a.dokumen[0]!.teks.slice(-3).map(rapat).join(' ');
    expect(hitung(pk, `${p.kedua.nama} ${p.pertama.nama}`), pk).toBe(2);
    for (const o of Object.values(p)) {
      if (o.nama.toLocaleUpperCase('id-ID') !== o.nama) {
        expect(lkjip).not.toContain(o.nama.toLocaleUpperCase('id-ID'));
        expect(renja).not.toContain(o.nama.toLocaleUpperCase('id-ID'));
      }
    }
  });

  it.each(AGENSI.map((a) => [a.nama]))('stands both names of each PK signature block on one baseline (%s)', (nama) => {
    const a = AGENSI.find((x) => x.nama === nama)!;
    const p = penandatangan(a);
    const d = a.dokumen[0]!;
    const pertamaKedua = p.kedua.nama.split(' ')[0]!;
    const pertamaPertama = p.pertama.nama.split(' ')[0]!;
    // Pairs of the two names' first words side by side, left (Pihak Kedua) and right (Pihak Pertama),
    // with the same baseline: one per signature block.
    let blok = 0;
    for (const h of d.halaman.slice(-3)) {
      const kata = semuaKata(h);
      for (const ki of kata.filter((k) => k.teks === pertamaKedua && k.x0 < h.lebar / 2)) {
        blok += kata.filter((ka) => ka.teks === pertamaPertama && ka.x0 > h.lebar / 2 && Math.abs(ka.y1 - ki.y1) < 0.5).length;
      }
    }
    expect(blok).toBe(2);
  });
});

describe('Daftar Tabel and Daftar Gambar', () => {
  /** Footer of a page: its last line, in the bottom margin. */
  const footer = (h: HalamanPdf): string => {
    const kata = semuaKata(h).filter((k) => k.y0 > h.tinggi - 45);
    return kata.map((k) => k.teks).join(' ');
  };

  it.each(['tabel', 'gambar'] as const)('lists every %s with the page its caption stands on', (jenis) => {
    const label = jenis === 'tabel' ? 'Tabel' : 'Gambar';
    let diperiksa = 0;
    for (const d of semuaDokumen()) {
      const daftar = new Map<string, string>();
      const halamanDaftar = new Set<number>();
      for (const h of d.halaman) {
        const baris = barisIsi(h);
        const mulai = baris.findIndex((l) => l.teks === `DAFTAR ${label.toUpperCase()}`);
        if (mulai < 0) continue;
        halamanDaftar.add(h.nomor);
        let sekarang: string | undefined;
        for (const l of baris.slice(mulai + 1)) {
          if (/^DAFTAR /.test(l.teks)) break;
          const m = new RegExp(`^${label} ([\\d.]+)\\b`).exec(l.teks);
          if (m) sekarang = m[1];
          // The page number stands alone at the right edge of the text area, after the leader.
          const akhir = l.kata[l.kata.length - 1]!;
          if (sekarang && /^(\d+|[ivxlc]+)$/.test(akhir.teks) && akhir.x1 > h.lebar - 75) {
            daftar.set(sekarang, akhir.teks);
            sekarang = undefined;
          }
        }
      }
      const jumlahCaption = [...d.html.matchAll(new RegExp(`<span class="nomor">${label} [\\d.]+</span>`, 'g'))].length;
      expect(daftar.size, `${d.nama}: entri DAFTAR ${label.toUpperCase()}`).toBe(jumlahCaption);
      for (const [nomor, tertulis] of daftar) {
        const tempat = d.halaman.filter((h) => !halamanDaftar.has(h.nomor) && barisIsi(h).some((l) => l.teks === `${label} ${nomor}`));
        expect(tempat.map((h) => footer(h)), `${d.nama} ${label} ${nomor}`).toEqual([tertulis]);
        diperiksa += 1;
      }
    }
    expect(diperiksa).toBeGreaterThan(jenis === 'tabel' ? 30 : 3);
  });
});

describe('the tata-letak fixture (300-character URL, 12-level list, 40-column table)', () => {
  const data = path.join(kerja, 'fixture', 'data');
  const narasi = 'data/2026/narasi/lkjip/bab-1.2-landasan-hukum.md';
  let strict: { code: number; io: ReturnType<typeof memoryIo> };
  let biasa: { code: number; io: ReturnType<typeof memoryIo> };
  let semuaStrict: { code: number; io: ReturnType<typeof memoryIo> };

  beforeAll(async () => {
    cpSync(path.join(root, 'test/fixtures/opd-contoh/data'), data, { recursive: true });
    cpSync(path.join(root, 'test/fixtures/tata-letak/bab-1.2-landasan-hukum.md'), path.join(kerja, 'fixture', narasi));
    const bangunFixture = async (...extra: string[]) => {
      const io = memoryIo({ SOURCE_DATE_EPOCH: '1738368000' }, path.join(kerja, 'fixture'));
      const code = await run(['build', '2026', '--only', 'lkjip', '--format', 'pdf', '--out', extra.length ? 'out-strict' : 'out', ...extra], io);
      return { code, io };
    };
    strict = await bangunFixture('--strict');
    biasa = await bangunFixture();
    const io = memoryIo({ SOURCE_DATE_EPOCH: '1738368000' }, path.join(kerja, 'fixture'));
    semuaStrict = { code: await run(['build', '--all', '--strict', '--only', 'lkjip', '--format', 'pdf', '--out', 'out-all', '--reporter', 'json'], io), io };
  }, 300_000);

  it('reports each problem with its narrative file and line', () => {
    expect(biasa.code, biasa.io.stderr).toBe(0);
    const log = biasa.io.stderr;
    expect(log).toMatch(new RegExp(`${narasi}:3 warning LKJ605 Kata dipenggal di tengah\\n.*"https://jdih\\.contoh\\.go\\.id/peraturan/bagian01`));
    expect(log).toMatch(new RegExp(`${narasi}:5 warning LKJ606 Daftar menjorok terlalu dalam\\n.*daftar bersarang 12 tingkat`));
    expect(log).toMatch(new RegExp(`${narasi}:20 warning LKJ60[245] `));
    expect(log).toMatch(new RegExp(`${narasi}:22 warning LKJ604 Angka atau kode terpecah`));
  });

  it('keeps the page size and the 11 pt body text (Chromium did not shrink anything)', () => {
    const pdf = path.join(kerja, 'fixture', 'out', '2026', 'lkjip-2026.pdf');
    const halaman = bacaKataPdf(pdf);
    for (const h of halaman) expect([Math.round(h.lebar), Math.round(h.tinggi)].sort()).toEqual([595, 842]);
    const isi = halaman.flatMap((h) => semuaKata(h)).filter((k) => k.teks === 'Paragraf' || k.teks === 'penutup');
    expect(isi.length).toBeGreaterThan(0);
    for (const k of isi) expect(ukuranPt(k)).toBeCloseTo(11, 0);
    for (const h of halaman) for (const k of semuaKata(h)) expect(k.x1).toBeLessThanOrEqual(h.lebar);
  });

  it('fails under --strict: exit 1, the findings as errors, nothing written', () => {
    expect(strict.code).toBe(1);
    expect(strict.io.stderr).toMatch(new RegExp(`${narasi}:3 error LKJ605`));
    expect(strict.io.stderr).toMatch(/Build 2026 dibatalkan \(--strict\)/);
    expect(existsSync(path.join(kerja, 'fixture', 'out-strict'))).toBe(false);
  });

  it('fails `build --all --strict` too: the year is reported failed with its findings, its LKJIP not written', () => {
    expect(semuaStrict.code).toBe(1);
    const laporan = JSON.parse(semuaStrict.io.stdout) as LaporanBuild;
    expect(laporan.gagal).toEqual([2026]);
    expect(laporan.tahun[0]?.diagnostik.some((d) => d.code === 'LKJ605' && d.severity === 'error')).toBe(true);
    expect(existsSync(path.join(kerja, 'fixture', 'out-all', '2026', 'lkjip-2026.pdf'))).toBe(false);
  });
});
