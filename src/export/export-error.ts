/**
 * Errors of the export stage that a user can act on (no browser, render too slow, output folder
 * not writable, broken table-of-contents links). Each has a stable code so the CLI can print it
 * like a diagnostic without a stack trace; anything else thrown from src/export is a bug.
 * The codes belong to the project's catalog (LKJ5xx = export and the environment, LKJ540-544 found by
 * `lkjip doctor`; LKJ745 = `lkjip impor` writing the data files, LKJ746 = an unexpected failure inside `lkjip impor`).
 */
export type ExportErrorCode =
  | 'LKJ501'
  | 'LKJ502'
  | 'LKJ503'
  | 'LKJ504'
  | 'LKJ505'
  | 'LKJ506'
  | 'LKJ507'
  | 'LKJ540'
  | 'LKJ541'
  | 'LKJ542'
  | 'LKJ543'
  | 'LKJ544'
  | 'LKJ745'
  | 'LKJ746';

export const EXPORT_ERROR_TITLES: Record<ExportErrorCode, string> = {
  LKJ501: 'Browser Chromium tidak ditemukan atau gagal dijalankan',
  LKJ502: 'Pencetakan PDF melewati batas waktu',
  LKJ503: 'Folder keluaran tidak dapat ditulisi',
  LKJ504: 'Daftar isi atau bookmark menunjuk ke id yang tidak ada',
  LKJ505: 'Nomor halaman daftar isi tidak stabil',
  LKJ506: 'Folder keluaran sedang dipakai build lain',
  LKJ507: 'Build dihentikan',
  LKJ540: 'Versi Node.js terlalu lama',
  LKJ541: 'Berkas huruf Arimo tidak ada',
  LKJ542: 'Templat dokumen tidak ada',
  LKJ543: 'JSON Schema tidak ada atau rusak',
  LKJ544: 'Folder sementara tidak dapat ditulisi',
  LKJ745: 'Berkas data tidak dapat ditulis',
  LKJ746: 'Impor berhenti karena kesalahan di dalam lkjip',
};

export class ExportError extends Error {
  override readonly name = 'ExportError';
  readonly code: ExportErrorCode;
  readonly title: string;
  /** What to do about it, one or two sentences. */
  readonly hint: string;

  constructor(code: ExportErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.title = EXPORT_ERROR_TITLES[code];
    this.hint = hint;
  }
}

export function isExportError(error: unknown): error is ExportError {
  return error instanceof ExportError;
}
