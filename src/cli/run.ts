import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isExportError, type ExportError } from '../export/export-error.js';
import { EXIT } from '../kode-keluar.js';
import { processIo, type Io } from './io.js';
import { BANTUAN_INDONESIA, terjemahkanGalat } from './bahasa.js';

export { EXIT } from '../kode-keluar.js';

export interface GlobalOptions {
  data: string;
  reporter: 'text' | 'json';
}

const CONTOH = `
Contoh:
  $ lkjip validate 2024                 periksa data tahun 2024
  $ lkjip calc 2024                     tabel capaian, kategori, anggaran dan efisiensi 2024
  $ lkjip calc 2024 --json > hasil.json hasil hitungan untuk skrip lain
  $ lkjip validate 2024 --data ../opd-lain/data
  $ lkjip init 2025                     mulai data tahun 2025 dari Renstra dan data 2024
  $ lkjip isian 2025                    buku isian Excel untuk diisi petugas
  $ lkjip impor 2025 isian-2025.xlsx    kembalikan isian Excel ke data
  $ lkjip baru ../dinkes --nama "Dinas Kesehatan" --pemda "Kabupaten Contoh"
                                        folder data perangkat daerah baru
  $ lkjip build --all                   bangun dokumen semua tahun yang lengkap
  $ lkjip doctor                        periksa apakah komputer ini siap (alias: periksa-sistem)

Kode keluar: 0 berhasil, 1 data bermasalah, 2 perintah salah ketik,
3 lingkungan bermasalah (browser tidak ada, folder keluaran tidak bisa ditulis atau dikunci build lain,
batas waktu); 70 kesalahan di dalam lkjip sendiri (LKJ900); 130/143/129 dihentikan oleh
Ctrl-C/SIGTERM/SIGHUP (keluaran lama tetap utuh).
Dokumentasi format data: data/README.md`;

/**
 * Runs the CLI and returns the exit code; never calls process.exit, so tests call it in-process.
 * User mistakes (bad data, bad flags) become messages and codes; anything else is a bug and is
 * rethrown with its stack.
 */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name('lkjip')
    .description(
      'Menyusun LKJIP dan Renja/Perubahan Renja perangkat daerah dari data YAML:\n' +
        'validasi data, hitung capaian dan efisiensi, cetak PDF dan XLSX.',
    )
    .version(await readVersion(), '-V, --version', 'tampilkan versi')
    .helpOption('-h, --help', 'tampilkan bantuan')
    .addHelpCommand('help [perintah]', 'tampilkan bantuan untuk perintah')
    .addHelpText('after', CONTOH)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(`${terjemahkanGalat(s)}\nLihat \`lkjip --help\`.\n`),
    })
    .configureHelp(BANTUAN_INDONESIA)
    .showSuggestionAfterError(true);

  const dataOption = () =>
    new Option('-d, --data <folder>', 'folder data (berisi opd.yaml, renstra/, <tahun>/)').default('data');
  const reporterOption = () =>
    new Option('--reporter <jenis>', 'format laporan masalah: text atau json').choices(['text', 'json']).default('text');

  program
    .command('validate')
    .description('periksa data satu tahun terhadap skema dan aturan antar-berkas')
    .argument('<tahun>', 'tahun laporan, misalnya 2024', parseTahun)
    .addOption(dataOption())
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nSemua masalah dilaporkan sekaligus (berkas:baris:kolom, kode, saran perbaikan).\n' +
        'Kesalahan (error) menghentikan build; peringatan (warning) tidak.',
    )
    .action(async (tahun: number, opts: GlobalOptions) => {
      const { commandValidate } = await import('./commands/validate.js');
      code = await commandValidate(tahun, opts, io);
    });

  program
    .command('calc')
    .description('hitung capaian, kategori, anggaran dan efisiensi satu tahun')
    .argument('<tahun>', 'tahun laporan, misalnya 2024', parseTahun)
    .addOption(dataOption())
    .option('--json', 'keluarkan hasil sebagai JSON (angka mentah, tanpa pembulatan)', false)
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nAngka ditampilkan dengan gaya Indonesia (10.560.086.840; 89,60) dan dibulatkan\n' +
        'setengah-ke-atas hanya saat ditampilkan. Data diperiksa dulu; bila ada kesalahan, tidak ada hitungan.',
    )
    .action(async (tahun: number, opts: GlobalOptions & { json: boolean }) => {
      const { commandCalc } = await import('./commands/calc.js');
      code = await commandCalc(tahun, opts, io);
    });

  program
    .command('build')
    .description('periksa, hitung dan cetak dokumen satu tahun (atau semua: --all) ke folder keluaran')
    .argument('[tahun]', 'tahun laporan, misalnya 2024 (atau --all)', parseTahun)
    .addOption(dataOption())
    .addOption(new Option('-o, --out <folder>', 'folder keluaran; berkas ditulis ke <folder>/<tahun>/').default('out'))
    .addOption(new Option('--only <dokumen>', 'hanya satu dokumen').choices(['lkjip', 'renja']))
    .addOption(
      new Option('--format <daftar>', 'format keluaran, dipisah koma: pdf,html,xlsx').default(['pdf', 'html', 'xlsx'], 'pdf,html,xlsx').argParser(parseFormat),
    )
    .addOption(new Option('--timeout <detik>', 'batas waktu cetak per tahap (detik, 1-3600; bawaan 120)').argParser(parseDetik))
    .addOption(
      new Option('-t, --triwulan <n>', 'bangun dokumen evaluasi Renja s.d. triwulan ke-n (1-4) saja: out/<tahun>/evaluasi-renja-<tahun>-tw<n>.pdf dan .xlsx').argParser(
        parseTriwulan,
      ),
    )
    .addOption(new Option('--all', 'bangun semua tahun yang datanya lengkap (tahun riwayat dilewati)'))
    .addOption(
      new Option('--shard <i/n>', 'hanya bagian ke-i dari n daftar pekerjaan (tahun x dokumen), untuk matriks CI; mis. 1/3').argParser(parseShard),
    )
    .addOption(
      new Option(
        '-j, --jobs <n>',
        'jumlah dokumen yang dicetak bersamaan, satu browser dipakai bersama, hasilnya sama persis (bawaan: 2)',
      ).argParser(parseJobs),
    )
    .addOption(
      new Option('--browser <jalur>', 'browser untuk mencetak PDF (Chrome, Edge atau Chromium); bawaan: LKJIP_BROWSER, lalu lokasi biasa'),
    )
    .addOption(new Option('-w, --watch', 'bangun ulang setiap kali berkas data atau templates/ berubah; Ctrl-C untuk berhenti'))
    .addOption(new Option('--strict', 'temuan pemeriksaan tata letak (LKJ6xx) dianggap kesalahan: kode keluar 1, tidak ada berkas ditulis'))
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nBuild berhenti bila data punya kesalahan; keluaran lama tidak disentuh. Semua berkas dibuat dulu\n' +
        'di folder sementara, lalu dipindahkan ke out/<tahun>/ hanya bila semuanya jadi.\n' +
        'Tanggal di PDF diambil dari SOURCE_DATE_EPOCH bila diisi, selain itu dari tanggal dokumen di data,\n' +
        'sehingga data yang sama selalu menghasilkan berkas yang sama persis (juga dengan --jobs berapa pun).\n' +
        'Dua build ke folder keluaran yang sama bergiliran (yang kedua menunggu). Ctrl-C menghentikan build:\n' +
        'browser ditutup, berkas sementara dihapus, keluaran lama tetap utuh.\n' +
        'Browser dicari: --browser, LKJIP_BROWSER, PUPPETEER_EXECUTABLE_PATH, lalu Chrome/Edge/Chromium di tempat\n' +
        'biasanya (Windows: Program Files dan AppData\\Local; macOS: /Applications; Linux: /usr/bin, /snap/bin, PATH).\n' +
        '--all membangun setiap tahun yang lengkap; tahun yang hanya berisi pk/kinerja/konteks/program/lra adalah\n' +
        'riwayat dan dilewati; tahun yang rusak (YAML salah, berkas tidak terbaca) atau sudah berisi renja.yaml,\n' +
        'lkjip.yaml atau narasi tetapi belum lengkap membuat build gagal (kode 1) dengan nama tahunnya.\n' +
        'Sebelum dicetak, setiap PDF diperiksa tata letaknya (isi melewati tepi kertas, teks di bawah 7 pt,\n' +
        'angka terpecah, kata dipenggal, daftar terlalu menjorok): temuannya peringatan LKJ6xx, atau\n' +
        'kesalahan dengan --strict (dipakai di CI).\n\n' +
        'Contoh:\n  $ lkjip build 2024\n  $ lkjip build 2024 --only lkjip --format pdf\n  $ lkjip build 2024 --out /tmp/laporan' +
        '\n  $ lkjip build --all                   semua tahun yang lengkap, ringkasan di akhir' +
        '\n  $ lkjip build --all --shard 2/3       bagian ke-2 dari 3 (matriks CI)' +
        '\n  $ lkjip build --all --reporter json   hasil tiap tahun sebagai JSON di stdout' +
        '\n  $ lkjip build 2024 --watch --format html' +
        '\n  $ lkjip build --all --strict              gagal bila ada temuan tata letak (CI)' +
        '\n  $ lkjip build 2024 --triwulan 3          evaluasi Renja triwulan III (Tabel E.81 s.d. TW III)',
    )
    .action(async (tahun: number | undefined, opts: import('./commands/build.js').BuildOptions) => {
      const { commandBuild } = await import('./commands/build.js');
      code = await commandBuild(tahun, opts, io);
    });

  program
    .command('init')
    .description('mulai folder tahun baru dari Renstra dan data tahun sebelumnya')
    .argument('<tahun>', 'tahun yang dibuat, misalnya 2025 (di dalam periode Renstra)', parseTahun)
    .addOption(dataOption())
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nMembuat <data>/<tahun>/: pk.yaml (target Renstra tahun itu; anggaran program PK tahun lalu sebagai\n' +
        'titik awal, bertanda TODO), kinerja.yaml dan program.yaml (target Renstra, realisasi kosong = null),\n' +
        'kerangka konteks.yaml, lkjip.yaml, renja.yaml, dan narasi tahun lalu sebagai draf (baris pertama\n' +
        '"> TODO: perbarui untuk tahun <tahun>"). lra.yaml dibuat sendiri setelah LRA terbit.\n' +
        'Folder tahun yang sudah ada tidak pernah ditimpa. Di akhir dicetak daftar yang belum diisi.\n\n' +
        'Contoh:\n  $ lkjip init 2025\n  $ lkjip validate 2025',
    )
    .action(async (tahun: number, opts: GlobalOptions) => {
      const { commandInit } = await import('./commands/init.js');
      code = await commandInit(tahun, opts, io);
    });

  program
    .command('isian')
    .description('tulis buku isian Excel satu tahun: semua nilai dasar untuk diisi petugas')
    .argument('<tahun>', 'tahun data, misalnya 2024', parseTahun)
    .addOption(dataOption())
    .addOption(new Option('-o, --out <berkas.xlsx>', 'berkas keluaran (bawaan: isian-<tahun>.xlsx)'))
    .addOption(new Option('--timpa', 'timpa berkas keluaran yang sudah ada'))
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nBuku isian berisi lembar Petunjuk, lalu satu tabel per jenis data: indikator (target, realisasi,\n' +
        'triwulan), program (pagu, realisasi Rp per triwulan), indikator program, anggaran PK, LRA, konteks,\n' +
        'TC-30, TC-31, Tabel 4.1 dan nilai umum. Sel kuning diisi; id dan nama terkunci (perlindungan lembar\n' +
        'tanpa kata sandi); angka diberi validasi, pilihan diberi daftar. Nilai turunan tidak diisi.\n' +
        'Berkas yang sudah ada tidak ditimpa tanpa --timpa. Kembalikan isinya dengan `lkjip impor`.\n\n' +
        'Contoh:\n  $ lkjip isian 2025\n  $ lkjip isian 2024 --out ~/Dokumen/isian-2024.xlsx',
    )
    .action(async (tahun: number, opts: import('./commands/isian.js').IsianOptions) => {
      const { commandIsian } = await import('./commands/isian.js');
      code = await commandIsian(tahun, opts, io);
    });

  program
    .command('impor')
    .description('tulis nilai dari buku isian Excel ke berkas YAML tahun itu (di tempat)')
    .argument('<tahun>', 'tahun data, misalnya 2024', parseTahun)
    .argument('<berkas.xlsx>', 'buku isian yang sudah diisi')
    .addOption(dataOption())
    .addOption(new Option('-n, --dry-run', 'periksa dan tampilkan ringkasan perubahan saja; tidak menulis apa pun'))
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nHanya sel yang diubah yang ditulis, di tempatnya di berkas YAML: komentar, urutan kunci, tanda kutip\n' +
        'dan gaya { ... } tetap; satu sel yang berubah mengubah satu nilai. Semua masalah dilaporkan sekaligus\n' +
        'dengan alamat selnya (mis. Indikator!K7) dan id barisnya: teks di sel angka, koma desimal dalam teks,\n' +
        'id tidak dikenal atau diubah, baris dihapus, kolom terkunci diubah, nilai yang melanggar skema.\n' +
        'Satu kesalahan saja berarti tidak ada yang ditulis. Hasilnya diperiksa seperti `lkjip validate`\n' +
        'sebelum ditulis, dan semua berkas yang berubah ditulis sekaligus (semua atau tidak sama sekali).\n' +
        'Angka yang tersimpan sebagai teks ("1.234.567", "12,5") tidak ditebak; selnya disebut beserta angkanya.\n\n' +
        'Contoh:\n  $ lkjip impor 2025 isian-2025.xlsx --dry-run\n  $ lkjip impor 2025 isian-2025.xlsx',
    )
    .action(async (tahun: number, berkas: string, opts: import('./commands/impor.js').ImporOptions) => {
      const { commandImpor } = await import('./commands/impor.js');
      code = await commandImpor(tahun, berkas, opts, io);
    });

  program
    .command('rekap')
    .description('rekap evaluasi Renja (Tabel E.81) banyak perangkat daerah dalam satu workbook untuk Bappeda')
    .argument('<tahun>', 'tahun Renja yang dievaluasi, misalnya 2024', parseTahun)
    .addOption(
      new Option('-d, --data <folder>', 'folder data satu perangkat daerah, atau folder berisi folder-folder itu (boleh berulang)')
        .argParser((v: string, sebelum: string[] | undefined) => [...(sebelum ?? []), v]),
    )
    .addOption(new Option('-t, --triwulan <n>', 'evaluasi s.d. triwulan ke-n (1-4) untuk semua perangkat daerah; tanpa opsi ini: triwulan_evaluasi renja.yaml masing-masing (harus sama)').argParser(parseTriwulan))
    .addOption(new Option('-o, --out <berkas.xlsx>', 'berkas keluaran (bawaan: out/rekap-<tahun>[-tw<n>].xlsx)'))
    .addOption(new Option('--lanjut', 'tetap buat rekap dari perangkat daerah yang datanya sah bila ada yang bermasalah'))
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nSetiap perangkat daerah diperiksa dulu. Bila ada yang datanya bermasalah, namanya disebut dan rekap\n' +
        'tidak dibuat, kecuali dengan --lanjut (perangkat daerah itu ditinggalkan). Lembar REKAP berisi satu baris\n' +
        'per perangkat daerah (pagu, realisasi, % serapan, rata-rata capaian kinerja program, predikat) dan\n' +
        'jumlahnya sebagai rumus; lalu Tabel E.81 setiap perangkat daerah pada lembarnya sendiri.\n' +
        'Tanpa --triwulan setiap perangkat daerah dievaluasi s.d. triwulan_evaluasi di <tahun>/renja.yaml-nya;\n' +
        'bila triwulannya berbeda, rekap ditolak (LKJ802): pakai --triwulan n agar semuanya s.d. triwulan n.\n\n' +
        'Contoh:\n  $ lkjip rekap 2024 --triwulan 3 --data opd/ --out rekap-2024-tw3.xlsx\n' +
        '  $ lkjip rekap 2024 --data dinas-a/data --data dinas-b/data --lanjut',
    )
    .action(async (tahun: number, opts: import('./commands/rekap.js').RekapOptions) => {
      const { commandRekap } = await import('./commands/rekap.js');
      code = await commandRekap(tahun, { ...opts, data: opts.data ?? [] }, io);
    });

  program
    .command('baru')
    .description('buat folder data perangkat daerah baru yang langsung bisa divalidasi dan dibangun')
    .argument('<folder>', 'folder yang dibuat (belum ada, atau kosong)')
    .option('--nama <nama>', 'nama perangkat daerah, mis. "Dinas Kesehatan"')
    .option('--pemda <daerah>', 'pemerintah daerah, mis. "Kabupaten Contoh"')
    .option('--urusan <urusan>', 'urusan yang diampu, untuk judul tabel (bawaan: dari nama, "Kesehatan")')
    .addOption(new Option('--renstra <awal-akhir>', 'periode Renstra, mis. 2025-2029 (bawaan: 5 tahun mulai --tahun)').argParser(parsePeriode))
    .addOption(new Option('--tahun <tahun>', 'tahun pertama yang dibuat (bawaan: tahun ini bila di dalam periode)').argParser(parseTahun))
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nMembuat opd.yaml, renstra/ (satu tujuan, sasaran, indikator dan program contoh), folder tahun dengan\n' +
        'semua berkas yang diperlukan build, satu berkas narasi per bagian LKJIP dan Renja, dan skema/ untuk\n' +
        'editor. Setiap isian yang belum diketahui bertanda TODO, juga di draf PDF. Di terminal, yang tidak\n' +
        'diberikan lewat opsi ditanyakan; di CI --nama dan --pemda wajib. Folder yang berisi tidak pernah ditimpa.\n\n' +
        'Contoh:\n  $ lkjip baru dinkes --nama "Dinas Kesehatan" --pemda "Kabupaten Contoh" --renstra 2025-2029 --tahun 2025\n' +
        '  $ lkjip validate 2025 --data dinkes\n  $ lkjip build 2025 --data dinkes',
    )
    .action(async (folder: string, opts: import('./commands/baru.js').BaruOptions) => {
      const { commandBaru } = await import('./commands/baru.js');
      code = await commandBaru(folder, opts, io);
    });

  program
    .command('skema')
    .description('perbarui salinan JSON Schema di folder data (<data>/skema/) untuk editor')
    .addOption(dataOption())
    .option('--baris', 'arahkan juga baris pertama setiap berkas data (# yaml-language-server: $schema=...) ke skema/', false)
    .addOption(reporterOption())
    .addHelpText(
      'after',
      '\nSetelah lkjip diperbarui, jalankan `lkjip skema` agar editor memeriksa data dengan skema terbaru.\n' +
        'Hanya <data>/skema/ yang ditulis; dengan --baris, juga baris komentar $schema di awal berkas data.',
    )
    .action(async (opts: GlobalOptions & { baris: boolean }) => {
      const { commandSkema } = await import('./commands/skema.js');
      code = await commandSkema(opts, io);
    });

  program
    .command('doctor')
    .alias('periksa-sistem')
    .description('periksa apakah komputer ini siap: Node.js, browser untuk PDF (dijalankan sungguhan), huruf, templat, skema')
    .addOption(new Option('--browser <jalur>', 'periksa browser ini (seperti `build --browser`); bawaan: LKJIP_BROWSER, lalu lokasi biasa'))
    .addOption(new Option('--timeout <detik>', 'batas waktu menjalankan browser dan mencetak PDF uji (detik; bawaan 30)').argParser(parseDetik))
    .option('--json', 'keluarkan hasil sebagai JSON', false)
    .addHelpText(
      'after',
      '\nMemeriksa yang dibutuhkan untuk membuat dokumen: versi Node.js, browser Chrome/Edge/Chromium (dari mana\n' +
        'ditemukan: --browser, LKJIP_BROWSER, PUPPETEER_EXECUTABLE_PATH atau tempat biasa) yang benar-benar\n' +
        'dijalankan dan mencetak satu halaman PDF uji, huruf Arimo, templat dan JSON Schema di paket lkjip, dan\n' +
        'folder sementara yang dapat ditulisi. Yang kurang disebut dengan cara memasangnya di sistem operasi ini.\n' +
        'pdftotext (poppler) dan soffice (LibreOffice) hanya dipakai uji pengembang: disebut, tidak pernah wajib.\n' +
        'Kode keluar: 0 semua yang dibutuhkan ada, 3 ada yang kurang.\n\n' +
        'Contoh:\n  $ lkjip doctor\n  $ lkjip periksa-sistem --browser "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"',
    )
    .action(async (opts: import('./commands/doctor.js').DoctorOptions) => {
      const { commandDoctor } = await import('./commands/doctor.js');
      code = await commandDoctor(opts, io);
    });

  if (argv.length === 0) {
    // No command at all: the help, on stderr (stdout may be piped into a script), and a usage exit.
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (isExportError(error)) {
      io.err(`${formatExportError(error)}\n`);
      return EXIT.environment;
    }
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    throw error;
  }
  return code;
}

function parseTahun(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw new InvalidArgumentError(`tahun harus 4 angka, misalnya 2024 (tertulis: "${value}")`);
  }
  return Number(value);
}

function parseTriwulan(value: string): 1 | 2 | 3 | 4 {
  if (!/^[1-4]$/.test(value.trim())) throw new InvalidArgumentError(`triwulan harus 1, 2, 3 atau 4 (tertulis: "${value}")`);
  return Number(value.trim()) as 1 | 2 | 3 | 4;
}

function parsePeriode(value: string): { awal: number; akhir: number } {
  const m = /^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$/.exec(value);
  const awal = Number(m?.[1]);
  const akhir = Number(m?.[2]);
  if (!m || akhir <= awal || akhir - awal > 10) {
    throw new InvalidArgumentError(`tulis <awal>-<akhir>, mis. 2025-2029 (tertulis: "${value}")`);
  }
  return { awal, akhir };
}

function parseShard(value: string): { ke: number; dari: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const ke = Number(m?.[1]);
  const dari = Number(m?.[2]);
  if (!m || dari < 1 || ke < 1 || ke > dari) {
    throw new InvalidArgumentError(`tulis i/n dengan 1 <= i <= n, misalnya 1/3 (tertulis: "${value}")`);
  }
  return { ke, dari };
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new InvalidArgumentError(`jobs harus bilangan bulat 1-16 (tertulis: "${value}")`);
  return n;
}

function parseDetik(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) {
    throw new InvalidArgumentError(`batas waktu harus angka detik antara 1 dan 3600 (tertulis: "${value}")`);
  }
  return n;
}

function parseFormat(value: string): string[] {
  const daftar = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const salah = daftar.filter((f) => !['pdf', 'html', 'xlsx'].includes(f));
  if (daftar.length === 0 || salah.length > 0) {
    throw new InvalidArgumentError(`format yang dikenal: pdf, html, xlsx (tertulis: "${value}")`);
  }
  return [...new Set(daftar)];
}

async function readVersion(): Promise<string> {
  const { projectRoot } = await import('../render/assets.js');
  const pkg = JSON.parse(await readFile(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** An environment failure, for people: code and title, what happened, what to do; no stack trace. */
/**
 * The command as installed (bin.ts, and the bundle's entry for dist/lkjip.mjs): `run`, and a fault
 * inside lkjip (anything `run` rethrows) reported as LKJ900 in Indonesian with exit 70, instead of
 * Node printing a stack with the bundle's minified source line. `LKJIP_DEBUG=1` adds the stack.
 */
export async function runCli(argv: string[], io: Io = processIo(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    const pesan = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() || 'tanpa keterangan';
    io.err(
      `kesalahan LKJ900 Kesalahan di dalam lkjip\n` +
        `  lkjip berhenti karena kesalahan programnya sendiri, bukan karena data Anda (${pesan}). ` +
        'Keluaran dan berkas data ditulis semua atau tidak sama sekali, jadi yang sudah ada tetap utuh.\n' +
        '  Saran: jalankan ulang perintah yang sama dengan LKJIP_DEBUG=1 untuk jejak lengkapnya, lalu laporkan ke pengembang lkjip ' +
        'beserta perintah dan pesan ini.\n' +
        (env.LKJIP_DEBUG === '1' && error instanceof Error && error.stack ? `${error.stack}\n` : ''),
    );
    return EXIT.internal;
  }
}

function formatExportError(e: ExportError): string {
  const baris = [`kesalahan ${e.code} ${e.title}`, `  ${e.message}`];
  if (e.hint) baris.push(`  Saran: ${e.hint}`);
  return baris.join('\n');
}
