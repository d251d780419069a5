/**
 * `lkjip build <tahun> --watch`: the CLI side of the watch (src/build/tonton.ts): prints each
 * build like `lkjip build` does, plus what the watch is doing; Ctrl-C (SIGINT), SIGTERM or SIGHUP
 * stop the build under way, close the browser, and end with 130/143/129.
 */
import path from 'node:path';
import { tontonBuild as tonton, type KejadianTonton } from '../../build/tonton.js';
import type { HasilTahun } from '../../build/index.js';
import { EXIT, KELUAR_SINYAL, type SinyalBerhenti } from '../../kode-keluar.js';
import type { Io } from '../io.js';
import { detik, opsiBuild, pencetak, type BuildOptions } from './build.js';

export { abaikanPerubahan } from '../../build/tonton.js';

export interface OpsiTonton {
  signal: AbortSignal;
  onBuild?: (hasil: HasilTahun) => void;
  jedaMs?: number;
  folder?: string[];
}

/** Watches and rebuilds until `signal` aborts. Returns the exit code of the last build. */
export async function tontonBuild(tahun: number, opts: BuildOptions, io: Io, opsi: OpsiTonton): Promise<number> {
  const log = (s: string): void => io.err(`${s}\n`);
  const relatif = (p: string): string => (path.relative(io.cwd, p) || '.').split(path.sep).join('/');
  const cetak = pencetak(io, opts, false);
  const kejadian = (k: KejadianTonton): void => {
    switch (k.jenis) {
      case 'ulang':
        log(`\nMembangun ulang ${tahun} (${k.waktu.toLocaleTimeString('id-ID')})...`);
        return;
      case 'memantau':
        if (opts.reporter === 'json') io.out(`${JSON.stringify(k.hasil)}\n`);
        log(`Memantau ${k.folder.map(relatif).join(' dan ')}; Ctrl-C untuk berhenti. (${detik(k.hasil.durasi_ms)})`);
        return;
      case 'galat':
        log(`kesalahan ${k.galat.code} ${k.galat.title}\n  ${k.galat.message}${k.galat.hint ? `\n  Saran: ${k.galat.hint}` : ''}`);
        return;
      case 'galat-tak-terduga':
        log(`kesalahan tak terduga saat build: ${k.galat instanceof Error ? (k.galat.stack ?? k.galat.message) : String(k.galat)}`);
        return;
      case 'pantau':
        if (k.status === 'hilang') log(`peringatan: folder ${relatif(k.folder)} hilang; menunggu sampai ada lagi.`);
        else if (k.status === 'pulih') log(`Folder ${relatif(k.folder)} ada lagi; dipantau kembali.`);
        else log(`peringatan: pemantauan ${relatif(k.folder)} terputus (${k.pesan ?? '?'}); dipasang ulang.`);
        return;
      case 'berhenti':
        log('Pemantauan dihentikan; browser ditutup.');
        return;
    }
  };
  try {
    return await tonton(
      { ...opsiBuild(tahun, opts, io), tahun, onKejadian: cetak.kejadian },
      { signal: opsi.signal, onKejadian: kejadian, ...(opsi.onBuild ? { onBuild: opsi.onBuild } : {}), ...(opsi.jedaMs !== undefined ? { jedaMs: opsi.jedaMs } : {}), ...(opsi.folder ? { folder: opsi.folder } : {}) },
    );
  } catch (e) {
    const pesan = e instanceof Error ? e.message : String(e);
    if ((e as NodeJS.ErrnoException).code === undefined) throw e;
    log(`kesalahan: tidak dapat memantau folder: ${pesan}`);
    return EXIT.environment;
  } finally {
    cetak.tutup();
  }
}

/** The CLI entry: a signal stops the watch cleanly instead of killing Chromium mid-print. */
export async function tontonDariCli(tahun: number, opts: BuildOptions, io: Io): Promise<number> {
  const ac = new AbortController();
  let sinyal: SinyalBerhenti | undefined;
  const lepas = io.onSinyal?.((s) => {
    sinyal = s;
    ac.abort();
  });
  try {
    const kode = await tontonBuild(tahun, opts, io, { signal: ac.signal });
    return sinyal !== undefined ? KELUAR_SINYAL[sinyal] : kode;
  } finally {
    lepas?.();
  }
}
