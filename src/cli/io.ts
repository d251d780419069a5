import { KELUAR_SINYAL, SINYAL_BERHENTI, type SinyalBerhenti } from '../kode-keluar.js';

/** Where a command writes. Tests pass a recording Io; the bin passes the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is an interactive terminal. */
  isTTY: boolean;
  /** True when stderr is an interactive terminal (the progress status line is written there). */
  errTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * Calls `handler` on SIGINT, SIGTERM or SIGHUP until the returned function is called. Only the
   * process Io has it: a second signal ends the process at once (the user insists), with the
   * browser going down with it over its pipe. In-process tests have no signals.
   */
  onSinyal?(handler: (sinyal: SinyalBerhenti) => void): () => void;
  /**
   * Asks the person at the terminal and returns the answer (trimmed); undefined when nobody can
   * answer (no terminal on stdin, as in CI): commands then use their flags and defaults only.
   */
  tanya?: (pertanyaan: string) => Promise<string>;
}

/**
 * The process streams. A reader that goes away (`lkjip --help | head -1`) makes the next write
 * fail with EPIPE: that is not an error of lkjip, so further output to that stream is dropped and
 * the command ends as it would have, without a stack trace.
 */
export function processIo(): Io {
  const tutup = { out: false, err: false };
  const jaga = (stream: NodeJS.WriteStream, nama: 'out' | 'err'): void => {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') tutup[nama] = true;
      else throw e;
    });
  };
  jaga(process.stdout, 'out');
  jaga(process.stderr, 'err');
  const io: Io = {
    out: (text) => {
      if (!tutup.out) process.stdout.write(text);
    },
    err: (text) => {
      if (!tutup.err) process.stderr.write(text);
    },
    isTTY: Boolean(process.stdout.isTTY),
    errTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    onSinyal(handler) {
      let sudah: SinyalBerhenti | undefined;
      const pasang = SINYAL_BERHENTI.map((s) => {
        const f = (): void => {
          if (sudah !== undefined) process.exit(KELUAR_SINYAL[s]);
          sudah = s;
          handler(s);
        };
        process.on(s, f);
        return [s, f] as const;
      });
      return () => {
        for (const [s, f] of pasang) process.off(s, f);
      };
    },
  };
  if (process.stdin.isTTY) {
    io.tanya = async (pertanyaan) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return (await rl.question(pertanyaan)).trim();
      } finally {
        rl.close();
      }
    };
  }
  return io;
}

/**
 * An Io that keeps everything written, for tests and for `--reporter json`. With `jawaban`, it
 * answers questions in turn (as a person at a terminal would; an empty string keeps the default).
 */
export function memoryIo(
  env: Record<string, string | undefined> = {},
  cwd = process.cwd(),
  jawaban?: string[],
): Io & { stdout: string; stderr: string } {
  const sisa = jawaban ? [...jawaban] : undefined;
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
    isTTY: false,
    errTTY: false,
    env,
    cwd,
    ...(sisa
      ? {
          tanya: async (pertanyaan: string): Promise<string> => {
            io.stderr += pertanyaan;
            return (sisa.shift() ?? '').trim();
          },
        }
      : {}),
  };
  return io;
}
