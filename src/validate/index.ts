import path from 'node:path';
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import { namaSkema } from '../load/kinds.js';
import { tampilanPath, type Loaded, type LoadedFile } from '../load/load-data.js';
import { periksaAngkaBesar } from './angka-besar.js';
import { periksaGambar } from './gambar.js';
import { ATURAN_DASAR, buatKonteks, type Aturan } from './rules.js';
import { ATURAN_SEMANTIK } from './semantik.js';
import { diagnosaSkema } from './schema-errors.js';
import { muatSkema, validatorUntuk } from './schema.js';
import { statusTahun } from './status.js';

export { JENIS_RIWAYAT, kelasTahun, statusTahun, type JenisTahun, type KelasTahun, type StatusTahun } from './status.js';
export { type Aturan, type KonteksAturan } from './rules.js';

/** Every cross-file rule, in the order they run: structure first, then meaning. */
export const ATURAN: readonly Aturan[] = [...ATURAN_DASAR, ...ATURAN_SEMANTIK];
export { sarankanAngka } from './number-text.js';
export { muatSkema, cariFolderSkema } from './schema.js';

export interface OpsiValidasi {
  /** Folder of the *.schema.json files; default: the package's schemas/. */
  schemasDir?: string;
}

/** Schema codes a more specific rule code replaces at the same spot (LKJ306 says more than "maximum 4"). */
const DIGANTI_ATURAN: Record<string, string[]> = {
  LKJ306: ['LKJ207', 'LKJ205'],
  LKJ307: ['LKJ207', 'LKJ205', 'LKJ206'],
  LKJ308: ['LKJ207', 'LKJ205'],
  // "too big to compute" says more than "not an integer" or "above the maximum" about `.inf` / 1e400
  LKJ209: ['LKJ201', 'LKJ202', 'LKJ205', 'LKJ207', 'LKJ208'],
};

/**
 * Every problem in the loaded data, not only the first: load problems, then schema errors per file,
 * then the cross-file rules, then buildability. With `tahun`, only the base files and years up to
 * `tahun` (its history) are checked, and `tahun` itself must be buildable (LKJ402).
 */
export function validate(loaded: Loaded, tahun?: number, opsi: OpsiValidasi = {}): Diagnostic[] {
  const dalamLingkup = (f: LoadedFile): boolean => tahun === undefined || f.tahun === undefined || f.tahun <= tahun;
  const files = [...loaded.files.values()].filter(dalamLingkup);
  const years = loaded.years.filter((y) => tahun === undefined || y <= tahun);
  const out: Diagnostic[] = loaded.diagnostics.filter((d) => {
    const f = d.file ? loaded.files.get(d.file) : undefined;
    // A file of a later year that could not be read has no LoadedFile: its year comes with it.
    const t = f ? f.tahun : loaded.tahunDiagnostik.get(d);
    if (tahun === undefined || t === undefined) return true;
    // A narrative serves only its own year; YAML files are history for the years after theirs.
    return loaded.diagnostikNarasi.has(d) ? t === tahun : t <= tahun;
  });

  const skema = muatSkema(opsi.schemasDir);
  const skemaGagal = new Set<string>();
  const dariSkema: Diagnostic[] = [];
  for (const f of files) {
    if (!f.ok) continue;
    const nama = namaSkema(f.jenis);
    const v = validatorUntuk(skema, nama);
    if (typeof v === 'string') {
      if (!skemaGagal.has(nama)) out.push(diagnosa('LKJ900', { skema: nama, detail: v }, { file: tampilanPath(path.join(skema.dir, nama)) }));
      skemaGagal.add(nama);
      continue;
    }
    if (!v(f.value) && v.errors) dariSkema.push(...diagnosaSkema(v.errors, f));
  }

  const ctx = buatKonteks(loaded, files, years);
  const angkaBesar = files.filter((f) => f.ok).flatMap(periksaAngkaBesar);
  const dariAturan = [...angkaBesar, ...ATURAN.flatMap((a) => a.periksa(ctx))];
  const tempat = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;
  const ditimpa = new Set<string>();
  for (const d of dariAturan) for (const c of DIGANTI_ATURAN[d.code] ?? []) ditimpa.add(`${c}@${tempat(d)}`);
  out.push(...dariSkema.filter((d) => !ditimpa.has(`${d.code}@${tempat(d)}`)), ...dariAturan);
  out.push(...periksaGambar(loaded, tahun));

  for (const y of years) {
    const st = statusTahun(loaded, y);
    if (st.bisaDibangun) continue;
    const folder = tampilanPath(path.resolve(loaded.dir, String(y)));
    // Earlier years are history and expected to be incomplete: say so only for the year asked
    // about (or for every year without one). Whether a year must be buildable is the build's call
    // (LKJ402 there); for `validate`, a history-only year is valid.
    // Files that exist but do not parse have their own errors; only what is really absent is named.
    if ((tahun === undefined || y === tahun) && st.kurang.length > 0) out.push(diagnosa('LKJ401', { tahun: y, kurang: st.kurang }, { file: folder }));
  }
  if (tahun !== undefined && !loaded.years.includes(tahun)) {
    out.push(diagnosa('LKJ402', { tahun, kurang: ['seluruh folder tahun'] }, { file: tampilanPath(path.resolve(loaded.dir, String(tahun))) }));
  }
  return out;
}
