/**
 * A new agency's data folder (`lkjip baru`): opd.yaml, a Renstra with one of everything (tujuan,
 * sasaran utama and lainnya, their indicators, a support and a priority program down to one sub
 * kegiatan), the first year with every file a build needs, one narrative file per section of both
 * documents, and the schemas in `skema/`. Everything the officer must write is a visible
 * "TODO: ..." text (so the draft PDFs show where) or, for numbers, an empty value with a
 * `# TODO` comment beside it: nothing is made up, nothing prints as a real figure.
 * The folder validates (warnings list what to fill) and builds both documents at once.
 */
import { stringify } from 'yaml';
import { daftarBagian, DOKUMEN_BAGIAN, judulData, type BagianNarasi } from '../render/bagian.js';
import type { JenisBerkas } from '../load/kinds.js';
import { barisSkema, berkasSkema } from './skema.js';
import type { BerkasBaru } from './tulis-folder.js';

export interface OpsiOpdBaru {
  /** "Dinas Kesehatan" */
  nama: string;
  /** The region: "Kabupaten Contoh" (a leading "Pemerintah" is accepted and dropped). */
  pemda: string;
  /** "Kesehatan"; default from the name (`urusanDariNama`). */
  urusan?: string;
  renstra: { awal: number; akhir: number };
  /** The first year made (the report year of its LKJIP and the year of its Renja). */
  tahun: number;
}

/** "Dinas Kesehatan" -> "Kesehatan", "Badan Kepegawaian Daerah" -> "Kepegawaian Daerah". */
export function urusanDariNama(nama: string): string {
  const tanpa = nama.replace(/^(Dinas|Badan|Kantor|Satuan|Inspektorat|Sekretariat|Biro|Bagian|Unit)\s+/i, '').trim();
  return tanpa || nama.trim();
}

/** Region and its titles from the `--pemda` value. */
export function identitasDaerah(pemda: string): { daerah: string; pemerintah: string; kota: string; kepalaDaerah: string } {
  const daerah = pemda.trim().replace(/^Pemerintah(\s+Daerah)?\s+/i, '');
  const m = /^(Kabupaten|Kota|Provinsi)\s+(.+)$/i.exec(daerah);
  const jenis = (m?.[1] ?? '').toLowerCase();
  const inti = m?.[2] ?? daerah;
  const kepalaDaerah = jenis === 'kota' ? `Wali Kota ${inti}` : jenis === 'provinsi' ? `Gubernur ${inti}` : jenis === 'kabupaten' ? `Bupati ${inti}` : `Kepala Daerah ${daerah}`;
  return { daerah, pemerintah: `Pemerintah ${daerah}`, kota: inti, kepalaDaerah };
}

/** A YAML scalar, quoted whenever plain would read differently or needs escaping. */
const s = (v: string | number | null): string => (typeof v === 'string' ? stringify(v, { lineWidth: 0 }).trimEnd() : String(v));

/** Years of the Renstra after its first (the columns of Tabel 2.2.1). */
const tahunRenstra = (o: OpsiOpdBaru): number[] => Array.from({ length: o.renstra.akhir - o.renstra.awal + 1 }, (_, i) => o.renstra.awal + i);

function berkas(relPath: string, jenis: JenisBerkas, baris: string[]): BerkasBaru {
  return { relPath, isi: `${[barisSkema(relPath, jenis), ...baris].join('\n')}\n` };
}

/** Placeholder codes: the urusan/bidang code (Kepmendagri 050-5889/2021) is the agency's to write. */
const KODE = { penunjang: '0.00.01', prioritas: '0.00.02', kegiatan: '0.00.02.2.01', sub: '0.00.02.2.01.0001', kegiatanPenunjang: '0.00.01.2.01', subPenunjang: '0.00.01.2.01.0001' };

/** Every file of the new data folder, in memory (written by the caller, whole or not at all). */
export function susunOpdBaru(o: OpsiOpdBaru): BerkasBaru[] {
  const d = identitasDaerah(o.pemda);
  const urusan = o.urusan?.trim() || urusanDariNama(o.nama);
  const namaLengkap = `${o.nama.trim()} ${d.daerah}`;
  const t = o.tahun;
  const { awal, akhir } = o.renstra;
  const dibuat = '`lkjip baru`';
  const out: BerkasBaru[] = [];

  out.push(
    berkas('opd.yaml', 'opd', [
      `# Identitas perangkat daerah, dibuat ${dibuat}. Isi setiap "TODO", lalu hapus kata TODO-nya.`,
      `nama: ${s(o.nama.trim())}`,
      `nama_lengkap: ${s(namaLengkap)}`,
      `urusan: ${s(urusan)} # dicetak di judul Tabel 1.1 dan tabel keselarasan kebijakan Renja`,
      `pemerintah_daerah: ${s(d.pemerintah)}`,
      `daerah: ${s(d.daerah)}`,
      `kota: ${s(d.kota)} # tempat sebelum tanggal tanda tangan`,
      '',
      'kepala:',
      `  nama: ${s('TODO: nama kepala perangkat daerah beserta gelar')}`,
      `  jabatan: ${s(`Kepala ${namaLengkap}`)}`,
      '  # TODO: pangkat dan NIP, mis. pangkat: Pembina Utama Muda (IV/c) dan nip: "19700101 199503 1 001"',
      '',
      'kepala_daerah:',
      `  nama: ${s('TODO: nama kepala daerah beserta gelar')}`,
      `  jabatan: ${s(d.kepalaDaerah)}`,
      '',
      '# Bagan Struktur Organisasi (LKJIP Bab I 1.4), digambar saat build. TODO: unit-unit perangkat daerah ini.',
      'struktur_organisasi:',
      `  unit: ${s(`Kepala ${o.nama.trim()}`)}`,
      '  sub_unit:',
      `    - { unit: Sekretariat, jenis: sekretariat, sub_unit: [${s('TODO: sub bagian')}] }`,
      `    - unit: ${s('TODO: bidang')}`,
      '    - { unit: Kelompok Jabatan Fungsional, jenis: fungsional }',
      '',
      'pengaturan:',
      '  # Skala penilaian capaian (PermenPAN-RB 53/2014); nilai > lebih_dari masuk kategori itu.',
      '  skala_penilaian:',
      '    - { kategori: Sangat Tinggi, lebih_dari: 90 }',
      '    - { kategori: Tinggi, lebih_dari: 75 }',
      '    - { kategori: Sedang, lebih_dari: 65 }',
      '    - { kategori: Rendah, lebih_dari: 50 }',
      '    - { kategori: Sangat Rendah, lebih_dari: null }',
      '  desimal_persen: 2',
    ]),
  );

  const targetTahunan = `# TODO: target per tahun, mis. target: { ${tahunRenstra(o)
    .slice(0, 2)
    .map((y) => `"${y}": 80`)
    .join(', ')}, ... }`;
  const indikator = (id: string, jenis: string, nama: string): string[] => [
    `  - id: ${id}`,
    `    nama: ${s(`TODO: ${nama}`)}`,
    `    jenis: ${jenis}`,
    `    satuan: "%" # TODO: satuan ("%", orang, dokumen, nilai, indeks, ...)`,
    '    polaritas: tinggi_baik # atau rendah_baik bila makin kecil makin baik',
    '    kumulatif: false # true untuk jumlah yang dijumlahkan antartriwulan dan antartahun',
    `    rumus: ${s('TODO: rumus perhitungan')}`,
    `    sumber_data: ${s('TODO: unit penanggung jawab')}`,
    `    ${targetTahunan}`,
  ];
  out.push(
    berkas('renstra/strategis.yaml', 'strategis', [
      `# Renstra ${awal}-${akhir} ${namaLengkap}, dibuat ${dibuat}: satu tujuan, satu sasaran utama (IKU) dan`,
      '# satu sasaran kinerja lainnya, masing-masing dengan satu indikator. Tambahkan sesuai Renstra.',
      `periode: { awal: ${awal}, akhir: ${akhir} }`,
      `dokumen: ${s(`TODO: dokumen perencanaan daerah, mis. RPJMD ${d.daerah} Tahun ${awal}-${akhir}`)}`,
      `visi: ${s('TODO: visi kepala daerah (RPJMD)')}`,
      'misi:',
      `  - { nomor: 1, uraian: ${s('TODO: misi yang didukung perangkat daerah ini')}, terkait: true }`,
      '',
      'tujuan:',
      `  - { id: T-1, uraian: ${s('TODO: tujuan perangkat daerah')}, indikator: [IT-1] }`,
      '',
      'sasaran:',
      '  - id: SS-1',
      `    uraian: ${s('TODO: sasaran strategis')}`,
      '    tujuan: T-1',
      '    jenis: utama',
      '    indikator: [IKU-1]',
      `    program: ["${KODE.prioritas}"]`,
      '  - id: SL-1',
      `    uraian: ${s('TODO: sasaran kinerja lainnya (penunjang)')}`,
      '    jenis: lainnya',
      '    indikator: [IKL-1]',
      `    program: ["${KODE.penunjang}"]`,
      '',
      'indikator:',
      ...indikator('IT-1', 'tujuan', 'indikator tujuan'),
      ...indikator('IKU-1', 'iku', 'indikator kinerja utama'),
      ...indikator('IKL-1', 'kinerja_lainnya', 'indikator kinerja lainnya'),
    ]),
  );

  const indikatorProgram = (id: string, jenis: string, nama: string): string[] => [
    `  - id: ${id}`,
    `    nama: ${s(`TODO: ${nama}`)}`,
    `    jenis: ${jenis}`,
    '    satuan: "%" # TODO: satuan',
    '    polaritas: tinggi_baik',
    '    kumulatif: false',
    `    # TODO: target_akhir dan target per tahun, mis. target: { "${t}": 80 }`,
  ];
  out.push(
    berkas('renstra/program.yaml', 'renstra-program', [
      `# Program > kegiatan > sub kegiatan Renstra ${awal}-${akhir}, dibuat ${dibuat}.`,
      `# TODO: ganti kode 0.00 dengan kode urusan/bidang Kepmendagri 050-5889/2021 di semua berkas (dalam tanda kutip),`,
      '# dan tambahkan program, kegiatan dan sub kegiatan perangkat daerah ini beserta indikatornya.',
      'program:',
      `  - kode: "${KODE.penunjang}"`,
      `    nama: ${s(`PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH ${/^Provinsi/i.test(d.daerah) ? 'PROVINSI' : 'KABUPATEN/KOTA'}`)}`,
      '    jenis: pendukung',
      `    indikator: [I-${KODE.penunjang}]`,
      '    kegiatan:',
      `      - kode: "${KODE.kegiatanPenunjang}"`,
      `        nama: ${s('Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah')}`,
      `        indikator: [I-${KODE.kegiatanPenunjang}]`,
      '        sub_kegiatan:',
      `          - kode: "${KODE.subPenunjang}"`,
      `            nama: ${s('Penyusunan Dokumen Perencanaan Perangkat Daerah')}`,
      `            indikator: [I-${KODE.subPenunjang}]`,
      `  - kode: "${KODE.prioritas}"`,
      `    nama: ${s('TODO: nama program prioritas')}`,
      '    jenis: prioritas',
      `    indikator: [I-${KODE.prioritas}]`,
      '    kegiatan:',
      `      - kode: "${KODE.kegiatan}"`,
      `        nama: ${s('TODO: nama kegiatan')}`,
      `        indikator: [I-${KODE.kegiatan}]`,
      '        sub_kegiatan:',
      `          - kode: "${KODE.sub}"`,
      `            nama: ${s('TODO: nama sub kegiatan')}`,
      `            indikator: [I-${KODE.sub}]`,
      '',
      'indikator:',
      ...indikatorProgram(`I-${KODE.penunjang}`, 'program', 'indikator program penunjang'),
      ...indikatorProgram(`I-${KODE.kegiatanPenunjang}`, 'kegiatan', 'indikator kegiatan'),
      ...indikatorProgram(`I-${KODE.subPenunjang}`, 'sub_kegiatan', 'indikator sub kegiatan'),
      ...indikatorProgram(`I-${KODE.prioritas}`, 'program', 'indikator program prioritas'),
      ...indikatorProgram(`I-${KODE.kegiatan}`, 'kegiatan', 'indikator kegiatan'),
      ...indikatorProgram(`I-${KODE.sub}`, 'sub_kegiatan', 'indikator sub kegiatan'),
    ]),
  );

  const y = `${t}`;
  const sumberBagian = `TODO: asal data, mis. ${namaLengkap} – Bagian Perencanaan`;
  out.push(
    berkas(`${y}/pk.yaml`, 'pk', [
      `# Perjanjian Kinerja ${t}, dibuat ${dibuat}.`,
      `tahun: ${t}`,
      `sumber_data: ${s(sumberBagian)}`,
      `# TODO: Perjanjian Kinerja APBD ${t}: target setiap IKU dan indikator kinerja lainnya, anggaran per program:`,
      '# apbd:',
      '#   target:',
      '#     - { indikator: IKU-1, target: 80 }',
      '#     - { indikator: IKL-1, target: 80 }',
      '#   anggaran:',
      `#     - { program: "${KODE.prioritas}", anggaran: 1000000000, keterangan: APBD }`,
      `# Isi \`papbd\` (bentuknya sama) bila ada Perjanjian Kinerja Perubahan, dengan tempat, tanggal dan penanda tangan.`,
    ]),
  );
  out.push(
    berkas(`${y}/kinerja.yaml`, 'kinerja', [
      `# Realisasi ${t} indikator tujuan, IKU dan kinerja lainnya, dibuat ${dibuat}. realisasi: null = belum ada.`,
      `tahun: ${t}`,
      `sumber_data: ${s(sumberBagian)}`,
      'indikator:',
      '  - { id: IT-1, realisasi: null }',
      '  - { id: IKU-1, realisasi: null }',
      '  - { id: IKL-1, realisasi: null }',
    ]),
  );
  const node = (kode: string, sub: boolean): string[] => [
    `  - kode: "${kode}"`,
    ...(sub ? [`    # TODO: pagu APBD ${t} (rupiah penuh), mis. pagu: 150000000`, '    realisasi_rp_triwulan: [null, null, null, null]'] : []),
    `    indikator: [{ id: I-${kode}, realisasi_triwulan: [null, null, null, null] }]`,
  ];
  out.push(
    berkas(`${y}/program.yaml`, 'program-tahun', [
      `# Pagu, target dan realisasi per triwulan ${t} (Tabel E.81), dibuat ${dibuat}. null = belum dilaporkan.`,
      `tahun: ${t}`,
      'node:',
      ...node(KODE.penunjang, false),
      ...node(KODE.kegiatanPenunjang, false),
      ...node(KODE.subPenunjang, true),
      ...node(KODE.prioritas, false),
      ...node(KODE.kegiatan, false),
      ...node(KODE.sub, true),
    ]),
  );
  out.push(
    berkas(`${y}/lra.yaml`, 'lra', [
      `# Laporan Realisasi Anggaran ${t}, dibuat ${dibuat}: diisi setelah LRA terbit.`,
      `tahun: ${t}`,
      `periode: ${s('TODO: periode LRA, mis. Triwulan IV')}`,
      `bulan_sd: ${s('TODO: bulan')}`,
      `bulan_akhir: ${s('TODO: bulan')}`,
      `# TODO: satu baris per program, kegiatan dan sub kegiatan, mis.`,
      `#   - { kode: "${KODE.sub}", uraian: "Sub Kegiatan ...", anggaran: 150000000, rencana_sd: 0, realisasi_sd: 0, rencana_akhir: 0, realisasi_akhir: 0 }`,
      'baris: []',
      `sumber_data: ${s(`TODO: asal data, mis. ${namaLengkap} – Bagian Keuangan`)}`,
    ]),
  );
  out.push(
    berkas(`${y}/konteks.yaml`, 'konteks', [
      `# Tabel konteks Bab I ${t}, dibuat ${dibuat}.`,
      `tahun: ${t}`,
      '',
      `# Tabel 1.1 "Perkembangan Kondisi ${urusan} di ${d.daerah} dalam 3 (tiga) Tahun Terakhir": indikator`,
      '# konteks urusan ini. Baris: nilai (angka dasar), jumlah (baris lain), persen (dua baris) atau indikator',
      '# (realisasi indikator Renstra). Nilai tahun lalu ditulis di konteks.yaml folder tahun itu.',
      'kondisi:',
      `  sumber_data: ${s('TODO: sumber data tabel kondisi')}`,
      '  baris:',
      `    - { id: kondisi_1, uraian: ${s('TODO: indikator kondisi urusan ini')}, nilai: null }`,
      '    - { id: tujuan, indikator: IT-1 }',
      '',
      '# TODO: pns_golongan dan sarana_prasarana (lihat data/README.md), bila dicetak.',
    ]),
  );
  out.push(
    berkas(`${y}/lkjip.yaml`, 'lkjip', [
      `# Data khusus LKJIP ${t} (terbit ${t + 1}), dibuat ${dibuat}.`,
      `tahun: ${t}`,
      'dokumen:',
      '  judul: Laporan Kinerja Instansi Pemerintah',
      '  singkatan: LKJIP',
      `  tanggal: "${t + 1}-02" # TODO: bulan terbit LKJIP`,
      '# TODO: pembanding (Tabel 3.1.3.c) dan reviu (Bab IV 4.2), bila ada; bentuknya di data/README.md.',
    ]),
  );
  out.push(
    berkas(`${y}/renja.yaml`, 'renja', [
      `# Bagian khusus Renja ${t}, dibuat ${dibuat}. Angka E.81 dan TC-29 dibentuk dari program.yaml.`,
      `tahun: ${t}`,
      'perubahan: false # true untuk Perubahan Renja',
      'dokumen:',
      `  tanggal: "${t}-08" # TODO: bulan dokumen Renja`,
      'triwulan_evaluasi: 2 # TODO: triwulan terakhir yang dievaluasi Tabel E.81',
      '',
      'kebijakan:',
      ...[`${s(`Kementerian ${urusan}`)} # TODO: nama kementerian`, s('TODO: Pemerintah Provinsi ...'), s(d.pemerintah)].flatMap((tingkat) => [
        `  - tingkat: ${tingkat}`,
        `    visi: ${s('TODO: visi')}`,
        '    judul_sasaran: Sasaran Strategis',
        `    sasaran: [${s('TODO: sasaran')}]`,
      ]),
      '',
      `# TODO: tc30, isu, tc31, usulan_masyarakat, matriks, sumber_data; bentuknya di data/README.md.`,
    ]),
  );

  for (const dokumen of DOKUMEN_BAGIAN) {
    for (const b of daftarBagian(dokumen, judulData(dokumen, { perubahan: false }))) out.push({ relPath: `${y}/narasi/${dokumen}/${b.berkas}.md`, isi: narasiDraf(b, t) });
  }
  out.push(...berkasSkema());
  return out;
}

/** A narrative section's draft: the marker line (printed, so the PDF shows what is missing). */
function narasiDraf(b: BagianNarasi, tahun: number): string {
  const jalur = b.judul.split(' > ');
  const bagian = jalur.length > 1 ? `${jalur.at(-1)} (${jalur.slice(0, -1).join(', ')})` : b.judul;
  return `> TODO: tulis bagian ${bagian} ${b.dokumen.toUpperCase()} ${tahun}. Angka ditulis sebagai referensi (lihat data/README.md); hapus baris ini setelah selesai.\n`;
}
