/**
 * One place for every problem the tool reports about the data: a stable code, an Indonesian title
 * and a message template that says what is wrong, the value found, what was expected and how to fix it.
 * The location (file, line, column) is kept apart from the text and printed as a code frame.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  found?: string;
  expected?: string;
  /** A workbook cell, `Indikator!K7` (problems found by `lkjip impor`); `file` is then the workbook. */
  sel?: string;
}

/** Where a diagnostic points: a file and a 1-based line and column, or a workbook cell. */
export interface Lokasi {
  file?: string;
  line?: number;
  column?: number;
  sel?: string;
}

interface Entri<P> {
  judul: string;
  tingkat: Severity;
  pesan: (p: P) => string;
  saran?: (p: P) => string | undefined;
}

const entri = <P>(e: Entri<P>): Entri<P> => e;

/** Parameters of the layout-audit codes (LKJ6xx): document, table or section, what was measured. */
interface ParamAudit {
  dokumen: string;
  tempat: string;
  detail: string;
}
const pesanAudit = (p: ParamAudit): string => `${p.dokumen}, ${p.tempat}: ${p.detail}`;

/** A printable value: strings are quoted so that "89,60" is visibly text. */
export function tampilkanNilai(v: unknown): string {
  if (v === undefined) return '(tidak ada)';
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? `${v.slice(0, 197)}...` : v);
  if (v === null) return 'null';
  if (typeof v === 'object') {
    const s = JSON.stringify(v);
    return s.length > 60 ? (Array.isArray(v) ? `daftar berisi ${v.length} butir` : 'sebuah peta (objek)') : s;
  }
  return String(v);
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

export const KATALOG = {
  LKJ101: entri<{ detail: string; tab?: boolean }>({
    judul: 'Sintaks YAML salah',
    tingkat: 'error',
    pesan: (p) => `Berkas ini bukan YAML yang sah: ${p.detail}`,
    saran: (p) =>
      p.tab
        ? 'ganti tab di awal baris ini dengan spasi, sejajar dengan baris yang setingkat (banyak editor bisa diatur "indent using spaces")'
        : 'periksa indentasi (spasi, bukan tab), titik dua setelah setiap kunci, dan tanda kutip yang berpasangan di baris ini atau baris sebelumnya',
  }),
  LKJ102: entri<{ kunci: string }>({
    judul: 'Kunci ganda',
    tingkat: 'error',
    pesan: (p) => `Kunci \`${p.kunci}\` ditulis dua kali dalam peta yang sama; nilai yang kedua akan menimpa yang pertama.`,
    saran: (p) => `hapus atau gabungkan salah satu \`${p.kunci}\``,
  }),
  LKJ103: entri<{ berkas: string; isi: string }>({
    judul: 'Berkas tidak ditemukan',
    tingkat: 'error',
    pesan: (p) => `Berkas wajib \`${p.berkas}\` tidak ada; berkas ini berisi ${p.isi}.`,
    saran: (p) => `buat \`${p.berkas}\` (lihat contoh di folder data/ bawaan)`,
  }),
  LKJ104: entri<{ berkas: string; dikenal: string[] }>({
    judul: 'Berkas tidak dikenal',
    tingkat: 'warning',
    pesan: (p) => `Berkas \`${p.berkas}\` tidak dikenali dan diabaikan. Nama yang dikenali di tempat ini: ${p.dikenal.join(', ')}.`,
    saran: () => 'ganti nama berkas bila salah ketik, atau pindahkan ke luar folder data',
  }),
  LKJ105: entri<{ detail: string }>({
    judul: 'Berkas tidak dapat dibaca',
    tingkat: 'error',
    pesan: (p) => `Berkas tidak dapat dibaca: ${p.detail}`,
    saran: () => 'periksa izin berkas dan bahwa isinya teks UTF-8',
  }),
  LKJ106: entri<{ byte: string }>({
    judul: 'Berkas bukan teks UTF-8',
    tingkat: 'error',
    pesan: (p) =>
      `Berkas ini berisi byte ${p.byte} yang bukan bagian dari teks UTF-8 yang sah; berkas tidak dibaca. ` +
      'Biasanya berkas disimpan dengan pengodean lain (Windows-1252, Latin-1, UTF-16) atau tersalin dari dokumen biner.',
    saran: () => 'buka berkas di editor teks dan simpan ulang dengan pengodean UTF-8; ketik ulang karakter yang rusak di posisi ini',
  }),
  LKJ107: entri<{ ukuran: string; batas: string }>({
    judul: 'Berkas terlalu besar',
    tingkat: 'error',
    pesan: (p) =>
      `Berkas ini berukuran ${p.ukuran}, melebihi batas ${p.batas} untuk satu berkas data; berkas tidak dibaca. ` +
      'Data satu perangkat daerah biasanya hanya puluhan KB per berkas.',
    saran: () => 'periksa apakah berkas yang benar yang disimpan di sini (bukan ekspor, lampiran atau salinan berulang)',
  }),
  LKJ108: entri<{ batas: number }>({
    judul: 'Struktur bersarang terlalu dalam',
    tingkat: 'error',
    pesan: (p) =>
      `Berkas ini bersarang lebih dari ${p.batas} tingkat (daftar di dalam daftar atau peta di dalam peta); ` +
      'berkas tidak dibaca. Data lkjip paling dalam sekitar 8 tingkat.',
    saran: () => 'periksa kurung [ ] / { } yang tidak ditutup dan indentasi yang terus bertambah mulai baris ini',
  }),
  LKJ110: entri<{ tautan: string; tujuan: string; data: string }>({
    judul: 'Tautan keluar dari folder data',
    tingkat: 'error',
    pesan: (p) =>
      `\`${p.tautan}\` adalah tautan simbolik (symlink/shortcut) ke \`${p.tujuan}\`, di luar folder data \`${p.data}\`; ` +
      'isinya tidak dibaca. Semua yang dicetak harus berasal dari dalam folder data.',
    saran: () => 'salin berkas atau folder itu ke dalam folder data dan hapus tautannya, atau arahkan tautan ke tempat di dalam folder data',
  }),
  LKJ111: entri<{ folder: string; sebab: string }>({
    judul: 'Folder tidak dapat dibaca',
    tingkat: 'error',
    pesan: (p) => `Folder \`${p.folder}\` ada tetapi isinya tidak dapat dibaca: ${p.sebab}. Berkas di dalamnya tidak diperiksa.`,
    saran: () => 'periksa izin folder itu (Linux/macOS: `chmod u+rx`; Windows: Properties > Security) atau jalankan dengan pengguna yang berhak',
  }),
  LKJ201: entri<{ kolom: string; ditemukan: string; diharapkan: string }>({
    judul: 'Tipe salah',
    tingkat: 'error',
    pesan: (p) => `Kolom \`${p.kolom}\` berisi ${p.ditemukan}, padahal yang diharapkan ${p.diharapkan}.`,
    saran: (p) =>
      p.diharapkan.includes('null')
        ? 'tulis nilai dengan tipe yang diharapkan, atau null bila datanya belum ada'
        : 'tulis nilai dengan tipe yang diharapkan',
  }),
  LKJ202: entri<{ kolom: string; teks: string; angka: string }>({
    judul: 'Angka ditulis sebagai teks',
    tingkat: 'error',
    pesan: (p) =>
      `Kolom \`${p.kolom}\` berisi teks ${JSON.stringify(p.teks)}, padahal yang diharapkan angka. ` +
      'Di YAML angka ditulis tanpa tanda kutip, dengan titik sebagai pemisah desimal, tanpa titik ribuan, tanpa % dan tanpa "Rp".',
    saran: (p) => `tulis ${p.angka}`,
  }),
  LKJ203: entri<{ kolom: string; di: string; keterangan?: string }>({
    judul: 'Kolom wajib tidak ada',
    tingkat: 'error',
    pesan: (p) => `Kolom wajib \`${p.kolom}\` tidak ada di ${p.di}.${p.keterangan ? ` (${p.keterangan})` : ''}`,
    saran: (p) => `tambahkan \`${p.kolom}: ...\` di ${p.di}`,
  }),
  LKJ204: entri<{
    kolom: string;
    di: string;
    mirip?: string;
    dikenal: string[];
    komaDesimal?: { kunci: string; angka: string };
    komaTeks?: { kunci: string; nilai: string };
  }>({
    judul: 'Kolom tidak dikenal',
    tingkat: 'error',
    pesan: (p) =>
      (p.komaDesimal
        ? `Kolom \`${p.kolom}\` tidak dikenal di ${p.di}: di dalam { } koma memisahkan kolom, sehingga angka desimal dengan koma terbaca sebagai angka dan kolom baru \`${p.kolom}\`.`
        : p.komaTeks
          ? `Kolom \`${p.kolom}\` tidak dikenal di ${p.di}: nilai \`${p.komaTeks.kunci}\` berisi koma, dan di dalam { } koma memisahkan kolom, sehingga nilainya terpotong dan sisanya terbaca sebagai kolom baru \`${p.kolom}\`.`
          : `Kolom \`${p.kolom}\` tidak dikenal di ${p.di}.`) + (p.dikenal.length ? ` Kolom yang dikenal: ${p.dikenal.join(', ')}.` : ''),
    saran: (p) =>
      p.komaDesimal
        ? `angka desimal ditulis dengan titik: \`${p.komaDesimal.kunci}: ${p.komaDesimal.angka}\``
        : p.komaTeks
          ? `tulis nilai yang berisi koma dalam tanda kutip: \`${p.komaTeks.kunci}: "${p.komaTeks.nilai}"\``
          : p.mirip
          ? `mungkin maksudnya \`${p.mirip}\``
          : 'hapus kolom ini atau periksa ejaannya',
  }),
  LKJ205: entri<{ kolom: string; ditemukan: string; pilihan: string }>({
    judul: 'Nilai tidak diizinkan',
    tingkat: 'error',
    pesan: (p) => `Kolom \`${p.kolom}\` berisi ${p.ditemukan}, padahal yang diizinkan hanya: ${p.pilihan}.`,
    saran: () => 'pilih salah satu nilai yang diizinkan (huruf besar/kecil berpengaruh)',
  }),
  LKJ206: entri<{ kolom: string; ditemukan: string; aturan: string }>({
    judul: 'Bentuk nilai salah',
    tingkat: 'error',
    pesan: (p) => `Kolom \`${p.kolom}\` berisi ${p.ditemukan}, padahal ${p.aturan}.`,
    saran: () => 'perbaiki penulisan nilai sesuai bentuk yang diharapkan',
  }),
  LKJ207: entri<{ kolom: string; ditemukan: string; aturan: string; komaDesimal?: boolean }>({
    judul: 'Nilai di luar batas',
    tingkat: 'error',
    pesan: (p) => `Kolom \`${p.kolom}\` berisi ${p.ditemukan}, padahal ${p.aturan}.`,
    saran: (p) =>
      p.komaDesimal
        ? 'angka desimal ditulis dengan titik (12.5, bukan 12,5): di dalam [ ] koma memisahkan butir, sehingga "12,5" menjadi dua butir'
        : 'periksa kembali nilai ini dengan dokumen sumber',
  }),
  LKJ208: entri<{ kolom: string; detail: string }>({
    judul: 'Aturan skema tidak terpenuhi',
    tingkat: 'error',
    pesan: (p) => `Kolom \`${p.kolom}\` tidak memenuhi skema: ${p.detail}.`,
  }),
  LKJ209: entri<{ kolom: string; ditemukan: string }>({
    judul: 'Angka terlalu besar',
    tingkat: 'error',
    pesan: (p) =>
      `Kolom \`${p.kolom}\` berisi ${p.ditemukan}, terlalu besar untuk dihitung dengan tepat ` +
      '(paling besar 9.007.199.254.740.991, atau tak hingga). Hasil hitungan dengan angka ini akan salah.',
    saran: () => 'periksa digit yang berlebih atau eksponen (e400) yang salah ketik; rupiah ditulis sebagai bilangan bulat biasa',
  }),
  LKJ210: entri<{ kolom: string; tanggal: string; sebab: string }>({
    judul: 'Tanggal tidak ada di kalender',
    tingkat: 'error',
    pesan: (p) => `Kolom \`${p.kolom}\` berisi tanggal "${p.tanggal}", yang tidak ada: ${p.sebab}.`,
    saran: () => 'tulis tanggal yang benar sebagai "TTTT-BB-HH" dalam tanda kutip (mis. "2024-09-23"), atau "TTTT-BB" bila hanya bulannya yang dicetak',
  }),
  LKJ301: entri<{ jenis: string; id: string; pertama?: string }>({
    judul: 'Id ganda',
    tingkat: 'error',
    pesan: (p) =>
      `${p.jenis} \`${p.id}\` didefinisikan lebih dari sekali${p.pertama ? `; yang pertama di ${p.pertama}` : ''}. Setiap ${p.jenis.toLowerCase()} harus punya id yang unik.`,
    saran: () => 'beri id lain pada salah satunya, atau hapus yang dobel',
  }),
  LKJ302: entri<{ jenis: string; id: string; sumber: string; mirip?: string }>({
    judul: 'Referensi tidak dikenal',
    tingkat: 'error',
    pesan: (p) => `${p.jenis} \`${p.id}\` tidak ditemukan di ${p.sumber}.`,
    saran: (p) => (p.mirip ? `mungkin maksudnya \`${p.mirip}\`` : `tambahkan definisinya di ${p.sumber}, atau perbaiki id ini`),
  }),
  LKJ303: entri<{ kode: string; kolom: string; induk: number; jumlah: number; anak: string[] }>({
    judul: 'Induk tidak sama dengan jumlah anaknya',
    tingkat: 'error',
    pesan: (p) =>
      `\`${p.kolom}\` baris \`${p.kode}\` tertulis ${fmt(p.induk)}, padahal jumlah anaknya (${p.anak.join(', ')}) ${fmt(p.jumlah)} ` +
      `(selisih ${fmt(p.induk - p.jumlah)}).`,
    saran: () => 'periksa nilai induk dan setiap anaknya dengan dokumen sumber; salah satunya salah ketik',
  }),
  LKJ304: entri<{ program: string; pk: number; lra: number }>({
    judul: 'Anggaran PK P-APBD berbeda dengan LRA',
    tingkat: 'warning',
    pesan: (p) =>
      `Anggaran program \`${p.program}\` di PK P-APBD ${fmt(p.pk)}, di LRA ${fmt(p.lra)} (selisih ${fmt(p.pk - p.lra)}). ` +
      'Ini bisa wajar bila PK ditandatangani sebelum pergeseran anggaran.',
    saran: () => 'bila bukan karena pergeseran, samakan salah satunya; bila wajar, tulis komentar # sumber: di samping nilainya',
  }),
  LKJ305: entri<{ kode: string; realisasi: number; anggaran: number }>({
    judul: 'Realisasi melebihi anggaran',
    tingkat: 'error',
    pesan: (p) =>
      `Realisasi baris \`${p.kode}\` (realisasi_sd + realisasi_akhir = ${fmt(p.realisasi)}) melebihi anggarannya ${fmt(p.anggaran)}.`,
    saran: () => 'periksa realisasi_sd, realisasi_akhir dan anggaran baris ini dengan LRA sumber',
  }),
  LKJ306: entri<{ kolom: string; nilai: string }>({
    judul: 'Triwulan di luar 1-4',
    tingkat: 'error',
    pesan: (p) => `Kolom \`${p.kolom}\` berisi triwulan ${p.nilai}; triwulan hanya 1, 2, 3 atau 4.`,
    saran: () => 'tulis nomor triwulan 1 sampai 4',
  }),
  LKJ307: entri<{ tahun: number | string; awal: number; akhir: number; di: string }>({
    judul: 'Tahun di luar periode Renstra',
    tingkat: 'error',
    pesan: (p) => `Tahun ${p.tahun} (${p.di}) di luar periode Renstra ${p.awal}-${p.akhir}.`,
    saran: (p) => `gunakan tahun ${p.awal} sampai ${p.akhir}, atau perbarui \`periode\` di renstra/strategis.yaml`,
  }),
  LKJ308: entri<{ tahun: unknown; folder: number }>({
    judul: 'Tahun berkas tidak sama dengan foldernya',
    tingkat: 'error',
    pesan: (p) => `Kolom \`tahun\` berisi ${tampilkanNilai(p.tahun)}, padahal berkas ini ada di folder ${p.folder}.`,
    saran: (p) => `tulis tahun: ${p.folder}, atau pindahkan berkas ke folder yang benar`,
  }),
  LKJ401: entri<{ tahun: number; kurang: string[] }>({
    judul: 'Tahun hanya berisi riwayat',
    tingkat: 'info',
    pesan: (p) =>
      `Tahun ${p.tahun} dipakai sebagai riwayat (pembanding tahun lalu) dan belum dapat dibangun menjadi dokumen; yang belum ada: ${p.kurang.join(', ')}.`,
    saran: (p) => `untuk membangun LKJIP/Renja ${p.tahun}, lengkapi: ${p.kurang.join(', ')}`,
  }),
  LKJ402: entri<{ tahun: number; kurang: string[] }>({
    judul: 'Tahun yang diminta belum lengkap',
    tingkat: 'error',
    pesan: (p) => `Tahun ${p.tahun} belum dapat dibangun; yang belum ada: ${p.kurang.join(', ')}.`,
    saran: (p) =>
      p.kurang.includes('seluruh folder tahun')
        ? `buat folder tahunnya dengan \`lkjip init ${p.tahun}\` (dengan --data <folder> bila datanya bukan di ./data), lalu isi nilainya`
        : `lengkapi folder tahun ${p.tahun} (disebut di atas) dengan: ${p.kurang.join(', ')}`,
  }),
  LKJ310: entri<{ detail: string }>({
    judul: 'Referensi narasi tidak dikenal',
    tingkat: 'error',
    pesan: (p) => p.detail,
    saran: () => 'perbaiki nama referensi atau id-nya; daftar referensi ada di data/README.md',
  }),
  LKJ311: entri<{ detail: string }>({
    judul: 'Sintaks referensi narasi salah',
    tingkat: 'error',
    pesan: (p) => p.detail,
    saran: () => 'setiap referensi ditulis {{nama "argumen"}} dengan kurung kurawal berpasangan',
  }),
  LKJ312: entri<{ detail: string }>({
    judul: 'Nilai referensi narasi tidak tersedia',
    tingkat: 'warning',
    pesan: (p) => p.detail,
    saran: () => 'lengkapi nilai di berkas data; sampai saat itu narasi mencetak "-"',
  }),
  LKJ320: entri<{ gambar: string; dicari: string }>({
    judul: 'Gambar tidak ditemukan',
    tingkat: 'error',
    pesan: (p) => `Gambar \`${p.gambar}\` tidak ada (dicari di ${p.dicari}).`,
    saran: () => 'periksa nama berkas (huruf besar/kecil dibedakan) dan foldernya; jalur gambar relatif terhadap berkas yang menyebutnya',
  }),
  LKJ321: entri<{ gambar: string; sebab: string }>({
    judul: 'Gambar di luar folder data',
    tingkat: 'error',
    pesan: (p) => `Gambar \`${p.gambar}\` tidak boleh dipakai: ${p.sebab}. Dokumen hanya memuat gambar dari dalam folder data.`,
    saran: () => 'salin gambar ke dalam folder data (mis. data/2024/narasi/lkjip/gambar/) dan tulis jalurnya relatif, tanpa "..", tanpa alamat web',
  }),
  LKJ322: entri<{ gambar: string; jenis: string }>({
    judul: 'Jenis gambar tidak didukung',
    tingkat: 'error',
    pesan: (p) => `Gambar \`${p.gambar}\` ${p.jenis}; yang dapat dimuat hanya PNG, JPEG dan SVG.`,
    saran: () => 'simpan ulang gambar sebagai PNG (bagan, tangkapan layar), JPEG (foto) atau SVG (gambar vektor), dengan ekstensi yang sesuai',
  }),
  LKJ323: entri<{ gambar: string; ukuran: string; batas: string }>({
    judul: 'Berkas gambar terlalu besar',
    tingkat: 'error',
    pesan: (p) => `Gambar \`${p.gambar}\` berukuran ${p.ukuran}, melebihi batas ${p.batas} per gambar.`,
    saran: () => 'perkecil gambar (mis. lebar 2000 piksel sudah tajam untuk satu halaman A4) atau simpan foto sebagai JPEG',
  }),
  LKJ324: entri<{ gambar: string; piksel: string; batas: string }>({
    judul: 'Ukuran piksel gambar terlalu besar',
    tingkat: 'error',
    pesan: (p) => `Gambar \`${p.gambar}\` berukuran ${p.piksel} piksel, melebihi batas ${p.batas}.`,
    saran: () => 'perkecil gambar; 2500 piksel pada sisi terpanjang sudah tajam untuk satu halaman A4 pada 300 dpi',
  }),
  LKJ325: entri<{ gambar: string; temuan: string }>({
    judul: 'SVG memuat isi yang tidak diizinkan',
    tingkat: 'error',
    pesan: (p) => `Gambar SVG \`${p.gambar}\` memuat ${p.temuan}. SVG di dokumen tidak boleh menjalankan skrip atau memuat apa pun dari luar berkasnya.`,
    saran: () =>
      'ekspor ulang SVG tanpa skrip, tanpa <foreignObject>, tanpa atribut on...=, tanpa DOCTYPE, dan tanpa tautan/gambar/font dari berkas atau alamat lain (sisipkan gambar sebagai data:)',
  }),
  LKJ326: entri<{ gambar: string; detail: string }>({
    judul: 'Gambar rusak',
    tingkat: 'error',
    pesan: (p) => `Gambar \`${p.gambar}\` tidak dapat dibaca: ${p.detail}.`,
    saran: () => 'buka gambar di penampil gambar dan simpan ulang; bila berkasnya terpotong, salin ulang dari sumbernya',
  }),
  LKJ327: entri<{ gambar: string }>({
    judul: 'Gambar tanpa judul',
    tingkat: 'warning',
    pesan: (p) => `Gambar \`${p.gambar}\` tidak punya teks judul; dokumen mencetaknya tanpa keterangan gambar.`,
    saran: (p) => `tulis judulnya di antara kurung siku: ![Struktur Organisasi](${p.gambar})`,
  }),
  // LKJ6xx: layout audit of the printed documents (src/export/audit.ts). Warnings; errors with --strict.
  LKJ601: entri<ParamAudit>({
    judul: 'Isi lebih lebar dari halaman',
    tingkat: 'warning',
    pesan: pesanAudit,
    saran: () =>
      'kata atau tautan yang sangat panjang diberi spasi, tabel narasi dibuat lebih sedikit kolomnya atau dipecah; ' +
      'bagian yang melewati tepi kertas terpotong saat dicetak',
  }),
  LKJ602: entri<ParamAudit>({
    judul: 'Isi sel lebih lebar dari kolomnya',
    tingkat: 'warning',
    pesan: pesanAudit,
    saran: () => 'persingkat teks di data, atau laporkan tabelnya sebagai bug tata letak bila teksnya memang wajar',
  }),
  LKJ603: entri<ParamAudit>({
    judul: 'Teks lebih kecil dari 7 pt',
    tingkat: 'warning',
    pesan: pesanAudit,
    saran: () => 'teks di bawah 7 pt sulit dibaca di kertas; laporkan tabel atau grafiknya sebagai bug tata letak',
  }),
  LKJ604: entri<ParamAudit>({
    judul: 'Angka atau kode terpecah ke baris berikut',
    tingkat: 'warning',
    pesan: pesanAudit,
    saran: () => 'angka yang terpecah di titik ribuan mudah salah baca; laporkan tabelnya sebagai bug tata letak',
  }),
  LKJ605: entri<ParamAudit>({
    judul: 'Kata dipenggal di tengah',
    tingkat: 'warning',
    pesan: pesanAudit,
    saran: () =>
      'kata atau tautan ini lebih panjang dari satu baris sehingga dipotong di tengah; persingkat, beri spasi, ' +
      'atau tulis tautan sebagai teks pendek',
  }),
  LKJ606: entri<ParamAudit>({
    judul: 'Daftar menjorok terlalu dalam',
    tingkat: 'warning',
    pesan: pesanAudit,
    saran: () => 'kurangi tingkat daftar bersarang (dokumen resmi biasanya cukup 3-4 tingkat: 1., a., 1), a))',
  }),
  LKJ701: entri<{ berkas: string; detail: string }>({
    judul: 'Buku isian tidak dapat dibaca',
    tingkat: 'error',
    pesan: (p) => `Buku isian \`${p.berkas}\` tidak dapat dibaca: ${p.detail}.`,
    saran: () => 'buka berkasnya di Excel, LibreOffice atau WPS dan simpan ulang sebagai "Excel Workbook (.xlsx)" tanpa kata sandi',
  }),
  LKJ702: entri<{ berkas: string; detail: string }>({
    judul: 'Buku isian ditolak karena ukurannya',
    tingkat: 'error',
    pesan: (p) => `Buku isian \`${p.berkas}\` ditolak sebelum dibuka: ${p.detail}. Buku isian lkjip biasanya hanya puluhan KB.`,
    saran: () => 'pastikan berkas yang benar yang dipakai; buat buku isian baru dengan `lkjip isian <tahun>` bila perlu',
  }),
  LKJ703: entri<{ berkas: string }>({
    judul: 'Jejak buku isian tidak ditemukan',
    tingkat: 'warning',
    pesan: (p) =>
      `Lembar tersembunyi "lkjip" tidak ada atau rusak di \`${p.berkas}\`, sehingga isi buku saat dibuat tidak diketahui. ` +
      'Setiap sel dibandingkan dengan data saat ini: sel yang berbeda dianggap diubah.',
    saran: () => 'pakai buku isian yang dibuat `lkjip isian`; periksa ringkasan perubahan dengan --dry-run sebelum menulis',
  }),
  LKJ704: entri<{ tahunBuku: number; tahun: number }>({
    judul: 'Buku isian untuk tahun lain',
    tingkat: 'error',
    pesan: (p) => `Buku isian ini dibuat untuk tahun ${p.tahunBuku}, bukan ${p.tahun}.`,
    saran: (p) => `jalankan \`lkjip impor ${p.tahunBuku} ...\`, atau buat buku isian ${p.tahun} dengan \`lkjip isian ${p.tahun}\``,
  }),
  LKJ705: entri<{ lembar: string }>({
    judul: 'Lembar tidak ditemukan',
    tingkat: 'error',
    pesan: (p) => `Lembar "${p.lembar}" tidak ada di buku isian (dihapus atau diganti namanya).`,
    saran: () => 'kembalikan nama lembarnya, atau salin isiannya ke buku isian baru',
  }),
  LKJ706: entri<{ lembar: string; kolom: string }>({
    judul: 'Kolom tidak ditemukan',
    tingkat: 'error',
    pesan: (p) => `Kolom "${p.kolom}" tidak ada di baris judul (baris 1) lembar "${p.lembar}".`,
    saran: () => 'kembalikan judul kolomnya seperti semula; urutan kolom boleh berubah, judulnya tidak',
  }),
  LKJ710: entri<{ kolom: string; id: string; teks: string }>({
    judul: 'Teks di sel angka',
    tingkat: 'error',
    pesan: (p) => `Sel berisi teks ${JSON.stringify(p.teks)}, padahal kolom "${p.kolom}" (${p.id}) harus berisi angka.`,
    saran: () => 'isi dengan angka, atau kosongkan sel bila nilainya belum ada (keterangan ditulis di kolom keterangan)',
  }),
  LKJ711: entri<{ kolom: string; id: string; teks: string; angka: string; koma: boolean }>({
    judul: 'Angka tersimpan sebagai teks',
    tingkat: 'error',
    pesan: (p) =>
      `Sel berisi teks ${JSON.stringify(p.teks)}${p.koma ? ' dengan koma desimal' : ''}, bukan angka, di kolom "${p.kolom}" (${p.id}). ` +
      'Angka yang tersimpan sebagai teks tidak ditebak: titik dan koma dibaca berbeda menurut bahasa Excel, dan salah tebak mengubah nilainya.',
    saran: (p) =>
      `ketik ulang sebagai angka (${p.angka}; di Excel berbahasa Indonesia desimal memakai koma) atau pilih sel lalu "Convert to Number"; hapus format Teks atau tanda petik di depannya`,
  }),
  LKJ712: entri<{ kolom: string; id: string; tanggal: string }>({
    judul: 'Tanggal di sel angka',
    tingkat: 'error',
    pesan: (p) => `Sel berisi tanggal ${p.tanggal}, padahal kolom "${p.kolom}" (${p.id}) harus berisi angka. Biasanya angka desimal yang diketik dengan titik ("12.5") dibaca Excel berbahasa Indonesia sebagai tanggal.`,
    saran: () => 'ubah format sel menjadi Umum (General) lalu ketik ulang angkanya dengan koma desimal (12,5)',
  }),
  LKJ713: entri<{ kolom: string; id: string; nilai: string }>({
    judul: 'Bukan bilangan bulat',
    tingkat: 'error',
    pesan: (p) => `Sel berisi ${p.nilai}, padahal kolom "${p.kolom}" (${p.id}) hanya menerima bilangan bulat (Rupiah penuh, jumlah).`,
    saran: () => 'tulis tanpa desimal; Rupiah ditulis rupiah penuh',
  }),
  LKJ714: entri<{ kolom: string; id: string; nilai: string; aturan: string }>({
    judul: 'Nilai di luar batas',
    tingkat: 'error',
    pesan: (p) => `Sel berisi ${p.nilai}, padahal kolom "${p.kolom}" (${p.id}) ${p.aturan}.`,
    saran: () => 'periksa kembali nilai ini dengan dokumen sumber',
  }),
  LKJ715: entri<{ kolom: string; id: string; nilai: string; pilihan: string }>({
    judul: 'Pilihan tidak dikenal',
    tingkat: 'error',
    pesan: (p) => `Sel berisi ${p.nilai}, padahal kolom "${p.kolom}" (${p.id}) hanya menerima: ${p.pilihan}.`,
    saran: () => 'pilih dari daftar pilihan sel (tanda panah di sel)',
  }),
  LKJ716: entri<{ kolom: string; id: string; nilai: string }>({
    judul: 'Sel berisi galat atau rumus tanpa hasil',
    tingkat: 'error',
    pesan: (p) => `Sel di kolom "${p.kolom}" (${p.id}) berisi ${p.nilai}; nilainya tidak dapat dipakai.`,
    saran: () => 'perbaiki rumusnya atau ketik nilainya langsung; rumus dibaca dari hasil yang tersimpan, jadi simpan buku setelah dihitung',
  }),
  LKJ717: entri<{ kolom: string; id: string }>({
    judul: 'Nilai wajib dikosongkan',
    tingkat: 'error',
    pesan: (p) => `Sel di kolom "${p.kolom}" (${p.id}) dikosongkan, padahal nilai ini wajib ada di berkas datanya.`,
    saran: () => 'isi kembali nilainya; untuk menghapus baris itu dari data, sunting berkas YAML-nya',
  }),
  LKJ718: entri<{ kolom: string; id: string; nilai: string }>({
    judul: 'Angka terlalu besar',
    tingkat: 'error',
    pesan: (p) => `Sel di kolom "${p.kolom}" (${p.id}) berisi ${p.nilai}, terlalu besar untuk dihitung dengan tepat.`,
    saran: () => 'periksa digit yang berlebih',
  }),
  LKJ719: entri<{ kolom: string; id: string; ditemukan: string; diharapkan: string }>({
    judul: 'Jenis isian salah',
    tingkat: 'error',
    pesan: (p) => `Sel di kolom "${p.kolom}" (${p.id}) berisi ${p.ditemukan}, padahal yang diharapkan ${p.diharapkan}.`,
    saran: (p) => `isi dengan ${p.diharapkan}`,
  }),
  LKJ720: entri<{ lembar: string; id: string }>({
    judul: 'Id tidak dikenal',
    tingkat: 'error',
    pesan: (p) => `Baris dengan id "${p.id}" di lembar "${p.lembar}" tidak ada di buku isian saat dibuat.`,
    saran: () => 'baris baru tidak dapat ditambahkan lewat buku isian: tambahkan di berkas YAML lalu buat buku isian baru; hapus baris ini',
  }),
  LKJ721: entri<{ lembar: string; id: string; semula: string }>({
    judul: 'Id diubah',
    tingkat: 'error',
    pesan: (p) => `Id baris ini diubah dari "${p.semula}" menjadi "${p.id}" (lembar "${p.lembar}"); kolom id terkunci dan tidak boleh diubah.`,
    saran: (p) => `kembalikan id "${p.semula}"`,
  }),
  LKJ722: entri<{ lembar: string; id: string; baris: number }>({
    judul: 'Baris dihapus',
    tingkat: 'error',
    pesan: (p) => `Baris "${p.id}" (semula baris ${p.baris} lembar "${p.lembar}") tidak ada lagi di buku isian.`,
    saran: () => 'kembalikan barisnya (Undo, atau salin dari buku isian baru); baris tidak dihapus lewat buku isian',
  }),
  LKJ723: entri<{ lembar: string; id: string; pertama: string }>({
    judul: 'Id ganda',
    tingkat: 'error',
    pesan: (p) => `Id "${p.id}" muncul lebih dari sekali di lembar "${p.lembar}"; yang pertama di ${p.pertama}.`,
    saran: () => 'hapus salinan barisnya',
  }),
  LKJ724: entri<{ kolom: string; id: string; semula: string; sekarang: string }>({
    judul: 'Kolom terkunci diubah',
    tingkat: 'error',
    pesan: (p) => `Kolom "${p.kolom}" (${p.id}) terkunci, tetapi isinya diubah dari ${p.semula} menjadi ${p.sekarang}.`,
    saran: () => 'kembalikan isinya; nama, satuan dan kode diubah di berkas YAML (renstra/), bukan di buku isian',
  }),
  LKJ725: entri<{ kolom: string; id: string; nilai: string }>({
    judul: 'Sel bukan isian diisi',
    tingkat: 'error',
    pesan: (p) => `Sel abu-abu di kolom "${p.kolom}" (${p.id}) diisi ${p.nilai}, padahal nilai itu tidak diisi di baris ini (dihitung dari baris lain atau tidak berlaku).`,
    saran: () => 'kosongkan sel ini; isi nilainya di baris yang berwarna kuning (mis. pada sub kegiatan)',
  }),
  LKJ726: entri<{ lembar: string }>({
    judul: 'Baris tanpa id',
    tingkat: 'error',
    pesan: (p) => `Baris ini di lembar "${p.lembar}" berisi nilai tetapi tidak punya id.`,
    saran: () => 'baris baru tidak dapat ditambahkan lewat buku isian; hapus baris ini atau kembalikan id-nya',
  }),
  LKJ730: entri<{ kolom: string; id: string; semula: string; data: string; buku: string; berkas: string }>({
    judul: 'Data berubah sejak buku isian dibuat',
    tingkat: 'error',
    pesan: (p) =>
      `Kolom "${p.kolom}" (${p.id}) diubah di buku isian dari ${p.semula} menjadi ${p.buku}, tetapi di ${p.berkas} nilainya juga sudah diubah menjadi ${p.data} sejak buku isian dibuat.`,
    saran: () => 'pilih salah satu: samakan sel ini dengan nilai di data, atau sunting berkas datanya; lalu impor lagi',
  }),
  LKJ731: entri<{ kolom?: string; id?: string; berkas: string; detail: string }>({
    judul: 'Nilai tidak memenuhi skema',
    tingkat: 'error',
    pesan: (p) => `${p.kolom ? `Isian kolom "${p.kolom}" (${p.id})` : 'Isian buku'} membuat \`${p.berkas}\` tidak sah: ${p.detail}`,
    saran: () => 'lengkapi atau perbaiki isian pada baris ini',
  }),
  LKJ732: entri<{ jumlah: number }>({
    judul: 'Hasil impor tidak lolos validasi',
    tingkat: 'error',
    pesan: (p) => `Data sesudah impor punya ${p.jumlah} kesalahan (di atas, dengan sel asalnya bila diketahui); tidak ada berkas yang diubah.`,
    saran: () => 'perbaiki isian yang disebut, lalu impor lagi',
  }),
  LKJ733: entri<{ lembar: string; id: string; kolom: string }>({
    judul: 'Baris tidak ada lagi di data',
    tingkat: 'error',
    pesan: (p) => `Kolom "${p.kolom}" baris "${p.id}" (lembar "${p.lembar}") diubah, tetapi tempat nilainya tidak ada lagi di data (Renstra atau berkas diubah sejak buku isian dibuat).`,
    saran: () => 'buat buku isian baru dengan `lkjip isian <tahun>` dan salin isiannya',
  }),
  LKJ734: entri<{ tahun: number; detail: string }>({
    judul: 'Buku isian belum dapat dibuat',
    tingkat: 'error',
    pesan: (p) => `Buku isian tahun ${p.tahun} belum dapat dibuat: ${p.detail}.`,
    saran: (p) => `perbaiki kesalahan di atas (lkjip validate ${p.tahun}); untuk tahun baru jalankan dulu \`lkjip init ${p.tahun}\``,
  }),
  LKJ735: entri<{ kolom: string; id: string; tampil: string; nilai: string }>({
    judul: 'Angka berformat persen',
    tingkat: 'error',
    pesan: (p) =>
      `Sel di kolom "${p.kolom}" (${p.id}) tampil ${p.tampil}% tetapi Excel menyimpannya sebagai ${p.nilai} (format persen membagi dengan 100). ` +
      'Data lkjip menulis persen sebagai angkanya saja.',
    saran: (p) => `ubah format sel menjadi Umum (General) dan ketik ${p.tampil} tanpa tanda %`,
  }),
  LKJ801: entri<{ tahun: number }>({
    judul: 'Tidak ada Tabel E.81 untuk direkap',
    tingkat: 'error',
    pesan: (p) => `Tidak ada ${p.tahun}/program.yaml: perangkat daerah ini tidak punya Tabel E.81 tahun ${p.tahun} untuk direkap.`,
    saran: (p) => `buat ${p.tahun}/program.yaml (mis. dengan \`lkjip init ${p.tahun}\`) atau keluarkan folder ini dari rekap`,
  }),
  LKJ802: entri<{ tahun: number; daftar: string[] }>({
    judul: 'Triwulan evaluasi berbeda antar perangkat daerah',
    tingkat: 'error',
    pesan: (p) =>
      `Perangkat daerah yang direkap dievaluasi s.d. triwulan yang berbeda (triwulan_evaluasi di ${p.tahun}/renja.yaml masing-masing): ` +
      `${p.daftar.join('; ')}. Menjumlahkan triwulan yang berbeda dalam satu baris JUMLAH menyesatkan.`,
    saran: () => 'tambahkan `--triwulan <n>` agar semua perangkat daerah dievaluasi s.d. triwulan yang sama (mis. `--triwulan 2`), atau samakan triwulan_evaluasi di renja.yaml',
  }),
  LKJ330: entri<{ berkas: string; judul: string; isi: string }>({
    judul: 'Bagian narasi belum ditulis',
    tingkat: 'warning',
    pesan: (p) => `Bagian "${p.judul}" belum punya narasi: berkas \`${p.berkas}\` tidak ada, sehingga bagian ini ${p.isi}.`,
    saran: (p) => `buat \`${p.berkas}\` berisi teks bagian ini (daftar bagian dan nama berkasnya ada di data/README.md)`,
  }),
  LKJ331: entri<{ berkas: string; mirip?: string; dikenal: string }>({
    judul: 'Berkas narasi tidak dikenal',
    tingkat: 'error',
    pesan: (p) =>
      `Berkas narasi \`${p.berkas}\` tidak cocok dengan bagian mana pun dari dokumen ini, sehingga isinya tidak akan dicetak. ` +
      `Nama berkas yang dikenal: ${p.dikenal}.`,
    saran: (p) => (p.mirip ? `ganti namanya menjadi \`${p.mirip}\`` : 'ganti namanya sesuai daftar bagian di data/README.md, atau pindahkan berkas ini ke luar folder narasi'),
  }),
  LKJ332: entri<{ narasi: string; data: string; berkasData: string; judul: string }>({
    judul: 'Dua sumber untuk teks yang sama',
    tingkat: 'warning',
    pesan: (p) =>
      `Bagian "${p.judul}" punya dua sumber teks: berkas \`${p.narasi}\` dan bagian \`${p.data}\` di ${p.berkasData}. ` +
      `Yang dicetak adalah \`${p.narasi}\`; \`${p.data}\` di ${p.berkasData} tidak dicetak.`,
    saran: (p) => `hapus salah satunya: hapus \`${p.data}\` dari ${p.berkasData}, atau hapus \`${p.narasi}\` agar \`${p.data}\` yang dicetak`,
  }),
  LKJ333: entri<{ apa: string }>({
    judul: 'Belum diisi',
    tingkat: 'warning',
    pesan: (p) => `${p.apa.charAt(0).toUpperCase()}${p.apa.slice(1)}.`,
    saran: () => 'isi nilainya, lalu hapus tanda TODO; sampai saat itu dokumen mencetak "-" atau tanda TODO di tempat ini',
  }),
  LKJ334: entri<{ indikator: string; tahun: number; dicetak: string }>({
    judul: 'Target nol',
    tingkat: 'warning',
    pesan: (p) => `Target ${p.indikator} tahun ${p.tahun} adalah 0: capaiannya tidak dapat dihitung (pembagian dengan nol) dan ${p.dicetak} mencetak "-".`,
    saran: () => 'bila memang tidak ada target tahun ini, biarkan (peringatan ini boleh diabaikan); bila salah ketik, tulis target yang benar',
  }),
  LKJ335: entri<{ id: string; realisasi: number; triwulan: string; hitungan: number; aturan: string }>({
    judul: 'Realisasi triwulan tidak cocok dengan realisasi tahunan',
    tingkat: 'warning',
    pesan: (p) =>
      `Indikator ${p.id}: \`realisasi\` ${fmt(p.realisasi)}, tetapi \`realisasi_triwulan\` ${p.triwulan} ${p.aturan} ${fmt(p.hitungan)}. ` +
      'Tabel LKJIP mencetak realisasi tahunan, Tabel E.81 mencetak hitungan dari triwulan: keduanya akan berbeda.',
    saran: () => 'samakan keduanya dengan laporan sumber; bila triwulannya benar, hapus `realisasi` (dihitung dari triwulan)',
  }),
  LKJ336: entri<{ kolom: string; nilai: number; apa: string }>({
    judul: 'Nilai negatif',
    tingkat: 'warning',
    pesan: (p) => `\`${p.kolom}\` bernilai ${fmt(p.nilai)}, padahal ${p.apa} tidak mungkin negatif.`,
    saran: () => 'periksa tanda minus; bila indikator ini memang bisa negatif (pertumbuhan, selisih), peringatan ini boleh diabaikan',
  }),
  LKJ337: entri<{ id: string; tahun: number; capaian: string; target: string; realisasi: string; batas: number; kolom: string }>({
    judul: 'Capaian tidak wajar',
    tingkat: 'warning',
    pesan: (p) =>
      `Capaian ${p.id} ${p.kolom}tahun ${p.tahun} = ${p.capaian} % (target ${p.target}, realisasi ${p.realisasi}), di atas batas wajar ${fmt(p.batas)} %. ` +
      'Biasanya satuan target dan realisasi tidak sama.',
    saran: (p) =>
      `periksa satuannya: persen ditulis 93.07 (bukan 0.9307), jumlah dalam satuan yang sama dengan targetnya; bila capaian ini memang benar, naikkan \`pengaturan.batas_capaian_wajar\` di opd.yaml (sekarang ${fmt(p.batas)})`,
  }),
  LKJ338: entri<{ id: string; sd: number; tahun: number; jumlah: number; rincian: string }>({
    judul: 'Realisasi kumulatif lebih kecil dari jumlah tahunannya',
    tingkat: 'warning',
    pesan: (p) =>
      `Indikator ${p.id}: \`realisasi_sd_tahun_lalu\` ${fmt(p.sd)} (s.d. ${p.tahun - 1}), padahal realisasi tahun-tahun di data saja sudah ${fmt(p.jumlah)} (${p.rincian}). ` +
      'Realisasi kumulatif tidak mungkin lebih kecil dari jumlah realisasi tahunannya; kolom TC-29 dan E.81 yang memakainya menjadi tidak konsisten.',
    saran: () => 'periksa realisasi_sd_tahun_lalu dan realisasi tahun-tahun sebelumnya dengan dokumen sumber',
  }),
  LKJ339: entri<{ program: string; sasaran: string[] }>({
    judul: 'Anggaran program terhitung dua kali',
    tingkat: 'warning',
    pesan: (p) =>
      `Program ${p.program} menjadi sel anggaran di lebih dari satu tempat (${p.sasaran.join(', ')}): pagu dan realisasinya tercetak di setiap sel itu, ` +
      'sehingga tabel anggaran per sasaran di Bab III LKJIP (lembar 3.2.a, 3.2.b dan 3.3.a lampiran Excel) menjumlah lebih dari anggaran perangkat daerah dan "% anggaran dari total" melebihi 100 % bila dijumlahkan.',
    saran: () =>
      'sebut program itu di `alokasi_anggaran` (atau `program`) satu sasaran saja: sasaran yang paling didukungnya; sasaran lain tetap boleh menyebutnya di teks',
  }),
  LKJ340: entri<{ baris: string; sumber: string[] }>({
    judul: 'Baris tabel kondisi punya lebih dari satu sumber nilai',
    tingkat: 'error',
    pesan: (p) => `Baris tabel kondisi ${p.baris} memakai ${p.sumber.map((s) => `\`${s}\``).join(' dan ')} sekaligus; satu baris hanya boleh punya satu sumber nilai.`,
    saran: () => 'pilih satu: `nilai` (angka dasar), `jumlah` (jumlah baris lain), `persen` (dua baris) atau `indikator` (realisasi indikator)',
  }),
  LKJ341: entri<{ id: string; baris: string; mirip?: string; dikenal: string }>({
    judul: 'Baris tabel kondisi tidak dikenal',
    tingkat: 'error',
    pesan: (p) => `Baris tabel kondisi ${p.baris} merujuk baris \`${p.id}\` yang tidak ada di tabel ini. Id baris yang ada: ${p.dikenal}.`,
    saran: (p) => (p.mirip ? `mungkin maksudnya \`${p.mirip}\`` : 'tulis id salah satu baris tabel ini, atau beri baris yang dimaksud `id` itu'),
  }),
  LKJ342: entri<{ jalur: string }>({
    judul: 'Rumus tabel kondisi melingkar',
    tingkat: 'error',
    pesan: (p) => `Baris tabel kondisi saling merujuk tanpa ujung: ${p.jalur}. Nilainya tidak dapat dihitung.`,
    saran: () => 'sebuah baris jumlah/persen hanya boleh merujuk baris yang nilainya tidak bergantung pada baris itu sendiri',
  }),
  LKJ403: entri<{ folder: string; berkas: string[] }>({
    judul: 'Salinan skema sudah usang',
    tingkat: 'warning',
    pesan: (p) =>
      `Salinan JSON Schema di \`${p.folder}\` tidak sama dengan skema lkjip yang dipakai (${p.berkas.slice(0, 5).join(', ')}${p.berkas.length > 5 ? ', …' : ''}): ` +
      'editor memeriksa data dengan aturan lama.',
    saran: () => 'jalankan `lkjip skema --data <folder data>`',
  }),
  LKJ404: entri<{ target: string }>({
    judul: 'Baris $schema tidak menunjuk berkas yang ada',
    tingkat: 'warning',
    pesan: (p) => `Baris pertama berkas ini menunjuk skema \`${p.target}\`, yang tidak ada dari tempat berkas ini; editor tidak dapat memeriksanya.`,
    saran: () => 'jalankan `lkjip skema --data <folder data> --baris` agar setiap berkas menunjuk salinan skema di <folder data>/skema/',
  }),
  LKJ900: entri<{ skema: string; detail: string }>({
    judul: 'Skema tidak tersedia',
    tingkat: 'error',
    pesan: (p) => `Skema \`${p.skema}\` tidak dapat dimuat: ${p.detail}.`,
    saran: () => 'pasang ulang lkjip; folder schemas/ ikut dalam paketnya',
  }),
} as const;

export type KodeDiagnostik = keyof typeof KATALOG;
export type ParamDiagnostik<C extends KodeDiagnostik> = Parameters<(typeof KATALOG)[C]['pesan']>[0];

/** Builds a diagnostic from the catalog: the only way codes, titles and texts are produced. */
export function diagnosa<C extends KodeDiagnostik>(
  code: C,
  params: ParamDiagnostik<C>,
  extra: Lokasi & { found?: string; expected?: string; severity?: Severity } = {},
): Diagnostic {
  // The catalog entries differ in parameter type; TS cannot correlate them through the union.
  const e = KATALOG[code] as unknown as Entri<ParamDiagnostik<C>>;
  const d: Diagnostic = { code, severity: extra.severity ?? e.tingkat, message: e.pesan(params) };
  const hint = e.saran?.(params);
  if (hint) d.hint = hint;
  if (extra.file !== undefined) d.file = extra.file;
  if (extra.line !== undefined) d.line = extra.line;
  if (extra.column !== undefined) d.column = extra.column;
  if (extra.found !== undefined) d.found = extra.found;
  if (extra.expected !== undefined) d.expected = extra.expected;
  if (extra.sel !== undefined) d.sel = extra.sel;
  return d;
}

export function judulKode(code: string): string | undefined {
  return (KATALOG as Record<string, Entri<never>>)[code]?.judul;
}

const URUTAN: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, line, column, then severity; diagnostics without a file come last. */
export function urutkanDiagnostik(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.file === undefined ? 1 : 0) - (b.file === undefined ? 1 : 0) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      URUTAN[a.severity] - URUTAN[b.severity],
  );
}

export function hitungDiagnostik(ds: readonly Diagnostic[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of ds) n[d.severity]++;
  return n;
}

export type Sumber = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function ambilSumber(sources: Sumber | undefined, file: string): string | undefined {
  if (!sources) return undefined;
  if (sources instanceof Map) return (sources as ReadonlyMap<string, string>).get(file);
  return (sources as Readonly<Record<string, string>>)[file];
}

/**
 * Makes control characters from data files visible instead of letting them act on the terminal
 * (an ESC sequence in a YAML comment could recolour or clear the screen, or hide a line): C0
 * controls become their Unicode "control pictures" (ESC shows as ␛), DEL as ␡, C1 controls and
 * bidirectional overrides as U+FFFD. One character each, so a caret under a column stays aligned.
 * Newlines and tabs are left to the caller.
 */
export function tampakkanKontrol(teks: string): string {
  return teks.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const k = c.charCodeAt(0);
    if (k < 0x20) return String.fromCharCode(0x2400 + k);
    if (k === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/** Widest source line a code frame shows; a longer one is cut to a window around the column. */
const LEBAR_BINGKAI = 120;

/** Line start offsets of the texts code frames were shown for (many diagnostics point into one file). */
const awalBarisTeks = new Map<string, number[]>();

function awalBaris(text: string): number[] {
  let a = awalBarisTeks.get(text);
  if (!a) {
    a = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) a.push(i + 1);
    if (awalBarisTeks.size > 500) awalBarisTeks.clear();
    awalBarisTeks.set(text, a);
  }
  return a;
}

/** Lines `dari`..`sampai` (1-based) of a text, without splitting all of it (a file may be megabytes on one line). */
function ambilBaris(text: string, dari: number, sampai: number): string[] | undefined {
  const a = awalBaris(text);
  if (sampai > a.length) return undefined;
  const out: string[] = [];
  for (let n = dari; n <= sampai; n++) {
    const awal = a[n - 1] as number;
    const akhir = n < a.length ? (a[n] as number) - 1 : text.length;
    out.push(text.slice(awal, akhir).replace(/\r$/, ''));
  }
  return out;
}

function bingkaiKode(text: string, line: number, column: number | undefined): string {
  const awal = Math.max(1, line - 1);
  const lines = ambilBaris(text, awal, line);
  if (!lines) return '';
  const lebar = String(line).length;
  // A minified or generated line can be megabytes: show a window around the column, marked with "…".
  const kol = column !== undefined && column >= 1 ? column : 1;
  const mulai = kol > LEBAR_BINGKAI - 20 ? kol - (LEBAR_BINGKAI - 20) : 0;
  const potong = (isi: string): string => {
    // A tab shown as one visible mark keeps the caret's column and shows where the tab is.
    const bersih = tampakkanKontrol(isi.replace(/\t/g, '→'));
    if (bersih.length <= LEBAR_BINGKAI && mulai === 0) return bersih;
    return (mulai > 0 ? '…' : '') + bersih.slice(mulai, mulai + LEBAR_BINGKAI) + (bersih.length > mulai + LEBAR_BINGKAI ? '…' : '');
  };
  const out: string[] = [];
  lines.forEach((isi, i) => {
    const n = awal + i;
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(lebar)} | ${potong(isi)}`);
  });
  if (column !== undefined && column >= 1) out.push(`  ${' '.repeat(lebar)} | ${' '.repeat(column - 1 - mulai + (mulai > 0 ? 1 : 0))}^`);
  return out.join('\n');
}

/**
 * Human text: `data/2024/kinerja.yaml:12:17 error LKJ202 Angka ditulis sebagai teks`, the message,
 * a code frame of the offending line with a caret (when the source text is given), then `Saran: ...`.
 */
export function formatDiagnostic(d: Diagnostic, sources?: Sumber): string {
  let lokasi = '';
  if (d.file) lokasi = d.file + (d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '') + ' ';
  if (d.sel) lokasi += `${d.sel} `;
  const judul = judulKode(d.code);
  const out = [tampakkanKontrol(`${lokasi}${d.severity} ${d.code}${judul ? ` ${judul}` : ''}`), `  ${tampakkanKontrol(d.message)}`];
  if (d.file && d.line) {
    const text = ambilSumber(sources, d.file);
    if (text !== undefined) {
      const frame = bingkaiKode(text, d.line, d.column);
      if (frame) out.push(frame);
    }
  }
  if (d.hint) out.push(`  Saran: ${tampakkanKontrol(d.hint)}`);
  return out.join('\n');
}

// GitHub workflow commands: data and property values need their own escapes.
const escData = (s: string): string => tampakkanKontrol(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escProp = (s: string): string => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotation: `::error file=…,line=…,col=…,title=…::message`. */
export function formatGithub(d: Diagnostic): string {
  const level = d.severity === 'info' ? 'notice' : d.severity;
  const props: string[] = [];
  if (d.file) props.push(`file=${escProp(d.file)}`);
  if (d.file && d.line) props.push(`line=${d.line}`);
  if (d.file && d.line && d.column) props.push(`col=${d.column}`);
  const judul = judulKode(d.code);
  props.push(`title=${escProp(`${d.code}${judul ? ` ${judul}` : ''}`)}`);
  const pesan = d.sel ? `${d.sel}: ${d.message}` : d.message;
  const msg = d.hint ? `${pesan}\nSaran: ${d.hint}` : pesan;
  return `::${level} ${props.join(',')}::${escData(msg)}`;
}
