/**
 * Exit codes are part of the CLI's contract with CI scripts: 0 ok, 1 the data has errors, 2 the
 * command line is wrong, 3 the environment failed (no browser, unwritable output, render timeout,
 * output folder locked), 70 a fault inside lkjip itself (EX_SOFTWARE: a bug, never the user's mistake).
 * A build stopped by a signal ends with 128 + the signal's number, as a shell reports it: 129 SIGHUP,
 * 130 SIGINT (Ctrl-C), 143 SIGTERM.
 */
export const EXIT = { ok: 0, dataError: 1, usage: 2, environment: 3, internal: 70 } as const;

export const SINYAL_BERHENTI = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type SinyalBerhenti = (typeof SINYAL_BERHENTI)[number];

export const KELUAR_SINYAL: Record<SinyalBerhenti, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
