/**
 * Progress of a multi-document build on stderr. When stderr is a terminal one status line at the bottom is
 * rewritten in place ("[3/10] sedang: LKJIP 2024, Renja 2025") while finished documents scroll
 * above it; in CI, in a pipe or with a dumb terminal only plain lines are written, never ANSI
 * codes, so logs stay readable as text.
 */
import type { Io } from './io.js';

export interface Progres {
  /** A job started: shown in the status line (terminal only). */
  mulai(label: string): void;
  /** A job finished: `baris` is printed as a permanent line and the counter moves on. */
  selesai(label: string, baris: string): void;
  /** Any other permanent line (warnings, summary). */
  log(baris: string): void;
  /** Clears the status line; call once at the end. */
  tutup(): void;
}

/** Whether the status line may use cursor control: a terminal, not CI, not TERM=dumb. */
export function bolehAnsi(io: Pick<Io, 'errTTY' | 'env'>): boolean {
  const ci = io.env.CI;
  return io.errTTY && !(ci && ci !== 'false' && ci !== '0') && io.env.TERM !== 'dumb';
}

const HAPUS_BARIS = '\r\x1b[2K';

export function buatProgres(io: Io, total: number): Progres {
  const ansi = bolehAnsi(io);
  const jalan: string[] = [];
  let selesai = 0;
  let adaStatus = false;
  const status = (): string => `[${selesai}/${total}] sedang: ${jalan.join(', ')}`;
  const gambar = (): void => {
    if (!ansi) return;
    const teks = jalan.length > 0 ? status() : '';
    io.err(`${HAPUS_BARIS}${teks}`);
    adaStatus = teks !== '';
  };
  const cetak = (baris: string): void => {
    if (ansi && adaStatus) io.err(HAPUS_BARIS);
    io.err(`${baris}\n`);
    adaStatus = false;
  };
  return {
    mulai(label) {
      jalan.push(label);
      gambar();
    },
    selesai(label, baris) {
      const i = jalan.indexOf(label);
      if (i >= 0) jalan.splice(i, 1);
      selesai += 1;
      cetak(`[${selesai}/${total}] ${baris}`);
      gambar();
    },
    log(baris) {
      cetak(baris);
      gambar();
    },
    tutup() {
      if (ansi && adaStatus) io.err(HAPUS_BARIS);
      adaStatus = false;
    },
  };
}
