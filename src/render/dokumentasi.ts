/**
 * The parts of data/README.md that the code defines, generated from it so they never drift: the
 * narrative sections of each document (from the templates, bagian.ts) and the narrative references
 * (refs.ts). `npm run docs` writes them between their markers; a test fails when the README is not
 * current.
 */
import { daftarBagian, DOKUMEN_BAGIAN, judulData, SUMBER_LAIN, type DokumenBagian } from './bagian.js';
import { REFERENSI } from './refs.js';

const NAMA_DOKUMEN: Record<DokumenBagian, string> = { lkjip: 'LKJIP', renja: 'Renja / Perubahan Renja' };

const sel = (s: string): string => s.replace(/\|/g, '\\|');

/** One table per document: file, the heading it prints under, the tables/charts it holds. */
export function markdownBagian(): string {
  const out: string[] = [];
  for (const dokumen of DOKUMEN_BAGIAN) {
    const biasa = daftarBagian(dokumen, judulData(dokumen, { perubahan: false }));
    const perubahan = daftarBagian(dokumen, judulData(dokumen, { perubahan: true, triwulan: 2 }));
    out.push(`**${NAMA_DOKUMEN[dokumen]}** (\`<tahun>/narasi/${dokumen}/\`):`, '');
    out.push('| berkas | bagian | tabel dan grafik yang dicetak di akhir bagian |', '| --- | --- | --- |');
    biasa.forEach((b, i) => {
      const p = perubahan[i];
      // A heading that differs in a Perubahan Renja: only the parts that differ, after it.
      const beda = p ? p.judul.split(' > ').filter((x, k) => x !== b.judul.split(' > ')[k]) : [];
      const judul = beda.length > 0 ? `${b.judul} (Perubahan Renja: ${beda.join(' > ')})` : b.judul;
      const lain = SUMBER_LAIN[dokumen][b.berkas];
      const isi = [...b.tabel.map((t) => `tabel \`${t}\``), ...b.grafik.map((g) => `grafik \`${g}\``)].join(', ') || '-';
      const cadangan = lain ? ` (tanpa berkas ini: \`${lain.kunci}\` di ${lain.berkas})` : '';
      out.push(`| \`${b.berkas}.md\`${cadangan} | ${sel(judul)} | ${isi} |`);
    });
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** The reference table: example and what it prints. */
export function markdownReferensi(): string {
  const out = ['| referensi (contoh) | yang dicetak |', '| --- | --- |'];
  for (const r of REFERENSI.values()) out.push(`| \`${sel(r.contoh)}\` | ${sel(r.keterangan)} |`);
  out.push('| `{{opd.nama_lengkap}}`, `{{opd.kepala.nama}}`, ... | isian `opd.yaml` |');
  return out.join('\n');
}

const BAGIAN_README: { nama: string; isi: () => string }[] = [
  { nama: 'bagian-narasi', isi: markdownBagian },
  { nama: 'referensi-narasi', isi: markdownReferensi },
];

/**
 * The README with each generated region (`<!-- dibuat: <nama> -->` ... `<!-- /dibuat: <nama> -->`)
 * replaced by its current text. Throws when a marker is missing.
 */
export function perbaruiReadme(teks: string): string {
  let hasil = teks;
  for (const b of BAGIAN_README) {
    const awal = `<!-- dibuat: ${b.nama} (npm run docs; jangan disunting) -->`;
    const akhir = `<!-- /dibuat: ${b.nama} -->`;
    const i = hasil.indexOf(awal);
    const j = hasil.indexOf(akhir);
    if (i < 0 || j < i) throw new Error(`data/README.md: penanda ${awal} ... ${akhir} tidak ada`);
    hasil = `${hasil.slice(0, i + awal.length)}\n${b.isi()}\n${hasil.slice(j)}`;
  }
  return hasil;
}
