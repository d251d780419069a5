import path from 'node:path';
import type { Io } from '../io.js';
import { EXIT } from '../run.js';
import { laporkan, ringkasan } from '../report.js';

export interface RekapOptions {
  data: string[];
  triwulan?: 1 | 2 | 3 | 4;
  out?: string;
  lanjut?: boolean;
  reporter: 'text' | 'json';
}

/** Warnings printed in full by `rekap`: they change what the roll-up says. */
const PERINGATAN_REKAP = new Set(['TRIWULAN_BELUM_DIISI', 'TARGET_TRIWULAN_KOSONG']);

/** `lkjip rekap <tahun>`: parse, call the rekap stage, print, write the one workbook. */
export async function commandRekap(tahun: number, opts: RekapOptions, io: Io): Promise<number> {
  const { buatRekap, FolderBukanOpd, tanggalPeriode } = await import('../../rekap/rekap.js');
  const { tanggalDokumen } = await import('../../build/dokumen.js');
  const log = (s: string): void => io.err(`${s}\n`);
  const tw = opts.triwulan;
  const out = path.resolve(io.cwd, opts.out ?? path.join('out', `rekap-${tahun}${tw ? `-tw${tw}` : ''}.xlsx`));
  if (!out.toLowerCase().endsWith('.xlsx')) {
    io.err(`kesalahan: berkas keluaran rekap harus berakhiran .xlsx (tertulis: "${opts.out}").\nLihat \`lkjip rekap --help\`.\n`);
    return EXIT.usage;
  }
  const data = opts.data.length > 0 ? opts.data : ['data'];
  let hasil;
  try {
    hasil = await buatRekap({
      tahun,
      ...(tw ? { triwulan: tw } : {}),
      data,
      cwd: io.cwd,
      lanjut: opts.lanjut === true,
      tanggal: tanggalDokumen(io.env, tanggalPeriode(tahun, tw).toISOString().slice(0, 10), tahun),
      onAgensi: (a, ke, dari) => {
        // Errors in full; of the warnings only what a roll-up is about (quarters still empty), the
        // rest counted: each agency has `lkjip validate` for the details.
        const utama = a.diagnostik.filter((d) => d.severity === 'error' || PERINGATAN_REKAP.has(d.code));
        laporkan(utama, opts.reporter, io, a.loaded.sources);
        const lain = a.diagnostik.length - utama.length;
        const catatan = lain > 0 ? `; ${lain} peringatan lain: \`lkjip validate ${tahun} --data ${a.folder}\`` : '';
        log(`[${ke}/${dari}] ${a.nama} (${a.folder}): ${a.ok ? 'siap' : 'GAGAL'}, ${ringkasan(a.diagnostik)}${catatan}`);
      },
    });
  } catch (e) {
    if (e instanceof FolderBukanOpd) {
      io.err(`kesalahan: ${e.message}.\nSaran: tunjuk folder data satu perangkat daerah (berisi opd.yaml) atau folder yang berisi folder-folder seperti itu.\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const gagal = hasil.agensi.filter((a) => !a.ok);
  const ringkasJson = () => ({
    ok: hasil.xlsx !== null && gagal.length === 0,
    tahun,
    triwulan: hasil.triwulan ?? tw ?? null,
    berkas: hasil.xlsx ? path.relative(io.cwd, out).split(path.sep).join('/') : null,
    agensi: hasil.agensi.map((a) => ({ nama: a.nama, folder: a.folder, ok: a.ok, dipakai: hasil.dipakai.includes(a), diagnostik: a.diagnostik })),
  });
  if (hasil.xlsx === null) {
    if (hasil.triwulanBerbeda) {
      laporkan([hasil.triwulanBerbeda], opts.reporter, io);
      log(`Rekap tidak dibuat: triwulan evaluasi perangkat daerah berbeda; jalankan lagi dengan --triwulan <n>.`);
    } else if (hasil.dipakai.length === 0) log(`Rekap tidak dibuat: tidak ada perangkat daerah yang datanya sah.`);
    else
      log(
        `Rekap tidak dibuat: ${gagal.length} perangkat daerah datanya bermasalah: ${gagal.map((a) => `${a.nama} (${a.folder})`).join('; ')}. ` +
          `Perbaiki datanya, atau tambahkan --lanjut untuk merekap ${hasil.dipakai.length} perangkat daerah lainnya saja.`,
      );
    if (opts.reporter === 'json') io.out(`${JSON.stringify({ ...ringkasJson(), ...(hasil.triwulanBerbeda ? { diagnostik: [hasil.triwulanBerbeda] } : {}) }, null, 2)}\n`);
    // Differing quarters are settled on the command line (--triwulan), not in the data.
    return hasil.triwulanBerbeda ? EXIT.usage : EXIT.dataError;
  }
  const { writeOutputs } = await import('../../export/write-atomic.js');
  await writeOutputs(path.dirname(out), [{ relPath: path.basename(out), data: hasil.xlsx }]);
  if (gagal.length > 0) log(`Tidak ikut direkap (--lanjut): ${gagal.map((a) => a.nama).join('; ')}.`);
  const twRekap = hasil.triwulan ?? tw;
  log(`Rekap ${hasil.dipakai.length} perangkat daerah tahun ${tahun}${twRekap ? ` triwulan ${['I', 'II', 'III', 'IV'][twRekap - 1]}` : ''} ditulis ke ${path.relative(io.cwd, out) || out}.`);
  if (opts.reporter === 'json') io.out(`${JSON.stringify(ringkasJson(), null, 2)}\n`);
  // --lanjut asked to go on without the broken agencies: the roll-up was made, as asked.
  return EXIT.ok;
}
