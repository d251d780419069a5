/**
 * The first sheet of the fill-in workbook: what to fill, how, and how it goes back into the data,
 * in Indonesian, for a planning officer who has never seen lkjip.
 */
import type ExcelJS from 'exceljs';
import type { BukuIsian } from './model.js';

interface Gaya {
  font: string;
  warna: { isian: string; bukanIsian: string; rumus: string; kepala: string };
}

export function langkahPetunjuk(tahun: number): string[] {
  return [
    `1. Isi hanya sel berwarna kuning. Sel putih (id, nama, satuan) terkunci. Sel abu-abu berarti nilai itu tidak diisi di baris tersebut (mis. pagu program = jumlah pagu sub kegiatannya, dihitung). Kolom biru berisi rumus bantu (target berlaku, capaian, kategori, jumlah LRA) yang tidak dibaca kembali.`,
    `2. Ketik angka sebagai angka. Di Excel berbahasa Indonesia desimal memakai koma (89,6) dan titik ribuan tidak perlu diketik. Angka yang tersimpan sebagai teks (sel berformat Teks, tanda petik di depan, "12,5" atau "1.234.567" hasil salin dari aplikasi lain) ditolak oleh lkjip impor dengan alamat selnya: ketik ulang sebagai angka atau gunakan "Convert to Number".`,
    `3. Rupiah ditulis rupiah penuh, bilangan bulat (10560086840), tanpa "Rp" dan tanpa desimal.`,
    `4. Sel kosong berarti belum tersedia atau belum dilaporkan, bukan nol. Tulis 0 hanya bila nilainya memang nol.`,
    `5. Jangan menambah, menghapus atau memindah baris dan jangan mengubah kolom id. Menyaring (filter) boleh. Indikator, sub kegiatan atau rincian baru ditambahkan di berkas YAML (lihat data/README.md), lalu buat buku isian baru.`,
    `6. Lembar tersembunyi "lkjip" menyimpan isi buku ini saat dibuat; jangan dihapus. Dengan itu lkjip impor hanya menulis sel yang Anda ubah, dan memberi tahu bila data YAML sudah diubah orang lain sejak buku ini dibuat.`,
    `7. Simpan sebagai Excel Workbook (.xlsx), dari Excel, LibreOffice atau WPS. Lalu kembalikan ke data dengan: lkjip impor ${tahun} <berkas>.xlsx (coba dulu dengan --dry-run untuk melihat ringkasan perubahannya). Semua masalah dilaporkan sekaligus dengan alamat selnya, mis. Indikator!K7; bila ada satu kesalahan, tidak ada berkas yang diubah.`,
    `8. Sesudah impor: lkjip validate ${tahun}, lalu lkjip build ${tahun}.`,
  ];
}

export function isiPetunjuk(ws: ExcelJS.Worksheet, buku: BukuIsian, gaya: Gaya): void {
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 90;
  let r = 1;
  const tulis = (teks: string, opsi: { tebal?: boolean; ukuran?: number; gabung?: boolean; tinggi?: number } = {}): ExcelJS.Cell => {
    const cell = ws.getCell(r, 1);
    cell.value = teks;
    cell.font = { name: gaya.font, size: opsi.ukuran ?? 10, bold: opsi.tebal ?? false };
    cell.alignment = { vertical: 'top', wrapText: true };
    if (opsi.gabung !== false) ws.mergeCells(r, 1, r, 3);
    if (opsi.tinggi) ws.getRow(r).height = opsi.tinggi;
    r++;
    return cell;
  };
  tulis(`Buku isian data ${buku.opd} tahun ${buku.tahun}`, { tebal: true, ukuran: 14, tinggi: 22 });
  tulis(
    `Dibuat oleh "lkjip isian ${buku.tahun}" dari folder data. Isi atau perbarui nilainya di lembar-lembar berikut, simpan, lalu kembalikan ke data dengan "lkjip impor ${buku.tahun} <berkas>.xlsx". Nilai turunan (capaian, kategori, jumlah, persentase, sisa) tidak diisi di sini: lkjip menghitungnya.`,
    { tinggi: 30 },
  );
  r++;
  tulis('Cara mengisi', { tebal: true, ukuran: 11 });
  for (const l of langkahPetunjuk(buku.tahun)) tulis(l, { tinggi: Math.ceil(l.length / 170) * 13 + 3 });
  r++;
  tulis('Warna sel', { tebal: true, ukuran: 11 });
  const warna: [string, string, string][] = [
    ['isian', gaya.warna.isian, 'diisi / diubah petugas'],
    ['terkunci', 'FFFFFFFF', 'id dan keterangan baris; tidak diubah'],
    ['bukan isian', gaya.warna.bukanIsian, 'nilai ini tidak diisi di baris tersebut'],
    ['rumus', gaya.warna.rumus, 'dihitung otomatis, tidak dibaca kembali'],
  ];
  for (const [nama, argb, arti] of warna) {
    const c = ws.getCell(r, 1);
    c.value = nama;
    c.font = { name: gaya.font, size: 10 };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    c.alignment = { vertical: 'top' };
    const d = ws.getCell(r, 2);
    d.value = arti;
    d.font = { name: gaya.font, size: 10 };
    d.alignment = { vertical: 'top' };
    ws.mergeCells(r, 2, r, 3);
    r++;
  }
  r++;
  tulis('Lembar', { tebal: true, ukuran: 11 });
  for (const l of buku.lembar) {
    const a = ws.getCell(r, 1);
    a.value = l.nama;
    a.font = { name: gaya.font, size: 10, bold: true };
    a.alignment = { vertical: 'top' };
    const b = ws.getCell(r, 2);
    b.value = l.ringkas;
    b.font = { name: gaya.font, size: 10 };
    b.alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(r, 2, r, 3);
    if (l.ringkas.length > 150) ws.getRow(r).height = 28;
    r++;
  }
  r++;
  tulis('Kolom isian', { tebal: true, ukuran: 11 });
  for (const l of buku.lembar) {
    for (const k of l.kolom) {
      if (k.peran !== 'isian' || !k.keterangan) continue;
      const cells: [number, string, boolean][] = [
        [1, l.nama, false],
        [2, k.judul, true],
        [3, k.keterangan, false],
      ];
      for (const [c, v, tebal] of cells) {
        const cell = ws.getCell(r, c);
        cell.value = v;
        cell.font = { name: gaya.font, size: 10, bold: tebal };
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
      if (k.keterangan.length > 120) ws.getRow(r).height = 28;
      r++;
    }
  }
}
