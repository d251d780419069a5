import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import type {
  DataSet,
  DataTahun,
  KinerjaTahun,
  Konteks,
  LkjipTahun,
  Lra,
  Opd,
  PerjanjianKinerja,
  ProgramTahun,
  RenstraProgram,
  RenstraStrategis,
  Renja,
} from '../model/types.js';
import { byteRusakUtf8, MAKS_UKURAN_BERKAS, posisiByte, tampilkanUkuran } from './batas.js';
import { resolveInsideData, type LetakData } from './dalam-data.js';
import { BERKAS_DASAR, BERKAS_TAHUN, FOLDER_NARASI, POLA_FOLDER_TAHUN, type JenisBerkas } from './kinds.js';
import { parseYaml } from './parse-yaml.js';
import { posisiNode, type Posisi } from './position.js';
import { indeksPosisi, posisiDariIndeks, type IndeksPosisi } from './posisi-cepat.js';

/** One YAML file as read: its text, its Document (for positions) and its plain value. */
export interface LoadedFile {
  /** Path as shown in diagnostics: relative to the current working directory, with `/`. */
  file: string;
  /** Path relative to the data folder: `2024/kinerja.yaml`. */
  relatif: string;
  jenis: JenisBerkas;
  /** The year folder it lives in; undefined for opd.yaml and renstra/. */
  tahun?: number;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain value (undefined after a syntax error). Not yet checked against its schema. */
  value: unknown;
  /** false after a syntax error: rules skip the file instead of reporting follow-on errors. */
  ok: boolean;
  /**
   * line:column (1-based) of an ajv instancePath in this file (see `posisiNode`): from a fast
   * reading of the text when the file has the usual shapes, else from the full `yaml` Document.
   */
  posisi(instancePath: string, opsi?: { kunci?: boolean }): Posisi | undefined;
}

/** `LoadedFile.posisi` for a file: the fast outline once, the full Document only when it gives up. */
export function buatPosisi(f: Pick<LoadedFile, 'text' | 'doc' | 'lineCounter' | 'ok'>): LoadedFile['posisi'] {
  let ix: IndeksPosisi | undefined | null = null;
  return (instancePath, opsi) => {
    if (ix === null) ix = f.ok ? indeksPosisi(f.text) : undefined;
    return ix ? posisiDariIndeks(ix, instancePath, opsi) : posisiNode(f.doc, f.lineCounter, instancePath, opsi);
  };
}

/** What `loadData` found, before validation: the base files may be missing (then `dataSet` is undefined). */
export interface DataSebagian {
  opd?: Opd;
  strategis?: RenstraStrategis;
  program?: RenstraProgram;
  tahun: Map<number, DataTahun>;
}

export interface Loaded {
  /** The data folder as given. */
  dir: string;
  /** Every YAML file read, keyed by its display path (`LoadedFile.file`). */
  files: Map<string, LoadedFile>;
  /** Text of every YAML file by display path, for code frames. */
  sources: Map<string, string>;
  /** Year folders found, ascending. */
  years: number[];
  data: DataSebagian;
  /**
   * The assembled model when opd, strategis and renstra program parsed. The values are as written:
   * trust their types only after `validate()` returned no error.
   */
  dataSet?: DataSet;
  /** Problems found while reading and parsing (LKJ101-LKJ111). */
  diagnostics: Diagnostic[];
  /** The year folder a load diagnostic belongs to (its file could not be read, so it has no LoadedFile). */
  tahunDiagnostik: ReadonlyMap<Diagnostic, number>;
  /** Load diagnostics of narrative files: a narrative serves only its own year's documents. */
  diagnostikNarasi: ReadonlySet<Diagnostic>;
  /**
   * What each year folder holds, read or not: the year-file kinds (`pk`, `lra`, ...) and
   * `narasi/<dokumen>` for narrative Markdown. Tells a history year from a broken one.
   */
  ditemukan: ReadonlyMap<number, ReadonlySet<string>>;
  /** line:column (1-based) of an ajv instancePath in a file; `kunci` points at the key of the last segment. */
  positionOf(file: string, instancePath: string, opsi?: { kunci?: boolean }): Posisi | undefined;
}

export function tampilanPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs) || '.';
  return rel.split(path.sep).join('/');
}

interface Entri {
  nama: string;
  /** A folder, or a symlink to one. */
  folder: boolean;
}

/** A folder's entries, sorted; or why it cannot be listed (`hilang`: it is not there at all). */
type Daftar = { ok: true; entri: Entri[] } | { ok: false; hilang: boolean; kode: string };

async function daftar(dir: string): Promise<Daftar> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const entri = await Promise.all(
      entries.map(async (e) => {
        let folder = e.isDirectory();
        // A symlink counts as what it points to; whether it may be followed is checked before reading.
        if (e.isSymbolicLink()) folder = await stat(path.join(dir, e.name)).then((s) => s.isDirectory(), () => false);
        return { nama: e.name, folder };
      }),
    );
    return { ok: true, entri: entri.sort((a, b) => a.nama.localeCompare(b.nama)) };
  } catch (err) {
    const kode = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
    return { ok: false, hilang: kode === 'ENOENT' || kode === 'ENOTDIR', kode };
  }
}

const isYaml = (nama: string): boolean => /\.ya?ml$/i.test(nama);
const tanpaEkstensi = (nama: string): string => nama.replace(/\.[^.]+$/, '');

interface Rencana {
  abs: string;
  relatif: string;
  jenis: JenisBerkas;
  tahun?: number;
}

/**
 * Reads a data folder: opd.yaml, renstra/*.yaml, the year folders (4-digit names) with their files
 * and narasi/<dokumen>/*.md. Only reads; every read or parse problem becomes a diagnostic.
 */
export async function loadData(dir: string): Promise<Loaded> {
  const root = path.resolve(dir);
  const diagnostics: Diagnostic[] = [];
  const tahunDiagnostik = new Map<Diagnostic, number>();
  const diagnostikNarasi = new Set<Diagnostic>();
  const ditemukan = new Map<number, Set<string>>();
  const rencana: Rencana[] = [];
  const narasiBaca: { tahun: number; dokumen: string; nama: string; abs: string; relatif: string }[] = [];
  const years: number[] = [];
  const catat = (d: Diagnostic, tahun?: number, narasi = false): void => {
    diagnostics.push(d);
    if (tahun !== undefined) tahunDiagnostik.set(d, tahun);
    if (narasi) diagnostikNarasi.add(d);
  };
  const temukan = (tahun: number, jenis: string): void => {
    let s = ditemukan.get(tahun);
    if (!s) ditemukan.set(tahun, (s = new Set()));
    s.add(jenis);
  };

  /**
   * Lists a folder of the data folder (`rel` with `/`), after checking that it stays inside the data
   * folder; a folder that leads out or cannot be read is reported once and read as empty.
   */
  const bukaFolder = async (rel: string, tahun?: number, narasi = false): Promise<Entri[]> => {
    const abs = path.join(root, ...rel.split('/'));
    const letak = resolveInsideData(root, rel);
    if (!letak.ok && letak.jenis === 'di-luar') {
      catat(diagnosaDiLuar(letak, root, abs), tahun, narasi);
      return [];
    }
    const hasil = await daftar(abs);
    if (hasil.ok) return hasil.entri;
    if (!hasil.hilang) catat(diagnosa('LKJ111', { folder: tampilanPath(abs) + '/', sebab: sebabBaca(hasil.kode) }, { file: tampilanPath(abs) }), tahun, narasi);
    return [];
  };

  const akar = await daftar(root);
  if (!akar.ok) {
    catat(
      akar.hilang
        ? diagnosa('LKJ103', { berkas: tampilanPath(root) + '/', isi: 'seluruh data (opd.yaml, renstra/, folder tahun)' }, {})
        : diagnosa('LKJ111', { folder: tampilanPath(root) + '/', sebab: sebabBaca(akar.kode) }, { file: tampilanPath(root) }),
    );
    return buatLoaded(dir, new Map(), [], diagnostics, tahunDiagnostik, ditemukan, diagnostikNarasi);
  }
  const renstra = akar.entri.some((e) => e.nama === 'renstra' && e.folder) ? await bukaFolder('renstra') : [];
  const ada = new Set([
    ...akar.entri.filter((e) => !e.folder).map((e) => e.nama),
    ...renstra.filter((e) => !e.folder).map((e) => `renstra/${e.nama}`),
  ]);
  for (const b of BERKAS_DASAR) {
    if (ada.has(b.path)) rencana.push({ abs: path.join(root, b.path), relatif: b.path, jenis: b.jenis });
    else catat(diagnosa('LKJ103', { berkas: tampilanPath(path.join(root, b.path)), isi: b.isi }, {}));
  }
  const dikenalDasar = BERKAS_DASAR.map((b) => b.path);
  for (const nama of ada) {
    if (isYaml(nama) && !dikenalDasar.includes(nama)) {
      const dikenal = nama.startsWith('renstra/') ? dikenalDasar.filter((d) => d.startsWith('renstra/')) : ['opd.yaml'];
      catat(diagnosa('LKJ104', { berkas: tampilanPath(path.join(root, nama)), dikenal }, { file: tampilanPath(path.join(root, nama)) }));
    }
  }

  const folderTahun = akar.entri.filter((e) => e.folder && POLA_FOLDER_TAHUN.test(e.nama));
  await Promise.all(
    folderTahun.map(async (f) => {
      const tahun = Number(f.nama);
      years.push(tahun);
      ditemukan.set(tahun, new Set());
      const isi = await bukaFolder(f.nama, tahun);
      for (const e of isi) {
        if (e.folder || !isYaml(e.nama)) continue;
        const jenis = BERKAS_TAHUN[tanpaEkstensi(e.nama)];
        const abs = path.join(root, f.nama, e.nama);
        if (jenis) {
          rencana.push({ abs, relatif: `${f.nama}/${e.nama}`, jenis, tahun });
          temukan(tahun, jenis);
        } else {
          catat(
            diagnosa('LKJ104', { berkas: tampilanPath(abs), dikenal: Object.keys(BERKAS_TAHUN).map((k) => `${k}.yaml`) }, { file: tampilanPath(abs) }),
            tahun,
          );
        }
      }
      if (!isi.some((e) => e.nama === 'narasi' && e.folder)) return;
      const narasi = await bukaFolder(`${f.nama}/narasi`, tahun, true);
      for (const dokumen of FOLDER_NARASI) {
        if (!narasi.some((e) => e.nama === dokumen && e.folder)) continue;
        const md = await bukaFolder(`${f.nama}/narasi/${dokumen}`, tahun, true);
        for (const e of md) {
          if (!e.folder && /\.md$/i.test(e.nama)) {
            const relatif = `${f.nama}/narasi/${dokumen}/${e.nama}`;
            narasiBaca.push({ tahun, dokumen, nama: tanpaEkstensi(e.nama), abs: path.join(root, f.nama, 'narasi', dokumen, e.nama), relatif });
            temukan(tahun, `narasi/${dokumen}`);
          }
        }
      }
    }),
  );
  years.sort((a, b) => a - b);

  const files = new Map<string, LoadedFile>();
  const dibaca = await Promise.all(
    rencana.map(async (r) => {
      const hasil = await bacaDiDalam(root, r.relatif, r.abs);
      if (typeof hasil !== 'string') {
        catat(hasil, r.tahun);
        return undefined;
      }
      return { r, text: hasil };
    }),
  );
  for (const d of dibaca) {
    if (!d) continue;
    const file = tampilanPath(d.r.abs);
    const hasil = parseYaml(d.text, file);
    diagnostics.push(...hasil.diagnostics);
    // doc/lineCounter stay lazy getters (see parseYaml): only files with a problem pay for positions.
    const lf = {
      file,
      relatif: d.r.relatif,
      jenis: d.r.jenis,
      text: d.text,
      get doc() {
        return hasil.doc;
      },
      get lineCounter() {
        return hasil.lineCounter;
      },
      value: hasil.value,
      ok: hasil.ok,
    } as LoadedFile;
    lf.posisi = buatPosisi(lf);
    if (d.r.tahun !== undefined) lf.tahun = d.r.tahun;
    files.set(file, lf);
  }

  const narasi = await Promise.all(
    narasiBaca.map(async (n) => {
      const hasil = await bacaDiDalam(root, n.relatif, n.abs);
      if (typeof hasil !== 'string') {
        catat(hasil, n.tahun, true);
        return undefined;
      }
      return { ...n, text: hasil };
    }),
  );
  const loaded = buatLoaded(dir, files, years, diagnostics, tahunDiagnostik, ditemukan, diagnostikNarasi);
  for (const n of narasi) {
    if (!n) continue;
    const dt = ambilTahun(loaded.data, n.tahun);
    (dt.narasi[n.dokumen] ??= {})[n.nama] = n.text;
  }
  return loaded;
}

function diagnosaDiLuar(letak: Extract<LetakData, { jenis: 'di-luar' }>, root: string, abs: string): Diagnostic {
  return diagnosa('LKJ110', { tautan: tampilanPath(letak.tautan), tujuan: letak.tujuan, data: tampilanPath(root) + '/' }, { file: tampilanPath(abs) });
}

/**
 * A data file's text after checking that it lies inside the data folder (symlinks resolved); it is
 * read at its real path, the one that was checked.
 */
async function bacaDiDalam(root: string, relatif: string, abs: string): Promise<string | Diagnostic> {
  const letak = resolveInsideData(root, relatif);
  if (letak.ok) return bacaTeks(letak.path, tampilanPath(abs));
  if (letak.jenis === 'di-luar') return diagnosaDiLuar(letak, root, abs);
  const file = tampilanPath(abs);
  if (letak.jenis === 'tidak-terbaca') return diagnosa('LKJ105', { detail: sebabBaca(letak.kode) }, { file });
  const detail = letak.tautanRusak
    ? `tautan simbolik rusak: \`${tampilanPath(letak.tautanRusak)}\` menunjuk ke tempat yang tidak ada (ENOENT)`
    : 'berkas hilang saat dibaca (ENOENT)';
  return diagnosa('LKJ105', { detail }, { file });
}

function sebabBaca(kode: string): string {
  return `${SEBAB_BACA[kode] ?? 'kesalahan sistem berkas'} (${kode})`;
}

const SEBAB_BACA: Record<string, string> = {
  EACCES: 'tidak punya izin membaca',
  EPERM: 'tidak punya izin membaca',
  ENOENT: 'berkas hilang saat dibaca',
  EISDIR: 'ini folder, bukan berkas',
  ELOOP: 'tautan simbolik melingkar',
  EIO: 'kesalahan baca dari disk',
  EMFILE: 'terlalu banyak berkas terbuka',
};

/**
 * The text of a data file, or the diagnostic that says why it cannot be used: not a regular file
 * (a FIFO or device would block or never end), larger than MAKS_UKURAN_BERKAS (checked before
 * reading), or not UTF-8 (Node would silently turn bad bytes into U+FFFD and the data would change).
 */
async function bacaTeks(abs: string, file: string): Promise<string | Diagnostic> {
  const gagal = (err: unknown): Diagnostic => {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const sebab = (code && SEBAB_BACA[code]) ?? 'kesalahan sistem berkas';
    const asli = err instanceof Error ? err.message : String(err);
    return diagnosa('LKJ105', { detail: `${sebab} (${code ?? asli})` }, { file });
  };
  let buf: Buffer;
  try {
    const info = await stat(abs);
    if (!info.isFile()) return diagnosa('LKJ105', { detail: 'ini bukan berkas biasa (folder, pipa atau perangkat)' }, { file });
    if (info.size > MAKS_UKURAN_BERKAS) {
      return diagnosa('LKJ107', { ukuran: tampilkanUkuran(info.size), batas: tampilkanUkuran(MAKS_UKURAN_BERKAS) }, { file });
    }
    const fh = await open(abs, 'r');
    try {
      // Read at most one byte past the limit: a file that grew since stat() is caught too.
      const wadah = Buffer.alloc(Math.min(info.size, MAKS_UKURAN_BERKAS) + 1);
      let isi = 0;
      for (;;) {
        const { bytesRead } = await fh.read(wadah, isi, wadah.length - isi, isi);
        if (bytesRead === 0) break;
        isi += bytesRead;
        if (isi === wadah.length) break;
      }
      if (isi > MAKS_UKURAN_BERKAS) {
        return diagnosa('LKJ107', { ukuran: `lebih dari ${tampilkanUkuran(MAKS_UKURAN_BERKAS)}`, batas: tampilkanUkuran(MAKS_UKURAN_BERKAS) }, { file });
      }
      buf = wadah.subarray(0, isi);
    } finally {
      await fh.close();
    }
  } catch (err) {
    return gagal(err);
  }
  const rusak = byteRusakUtf8(buf);
  if (rusak !== -1) {
    const b = `0x${(buf[rusak] as number).toString(16).toUpperCase().padStart(2, '0')}`;
    return diagnosa('LKJ106', { byte: b }, { file, ...posisiByte(buf, rusak), found: b });
  }
  // A UTF-8 byte order mark is allowed and dropped, as editors on Windows write one.
  const awal = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return buf.toString('utf8', awal);
}

function ambilTahun(data: DataSebagian, tahun: number): DataTahun {
  let dt = data.tahun.get(tahun);
  if (!dt) {
    dt = { tahun, narasi: {} };
    data.tahun.set(tahun, dt);
  }
  return dt;
}

const isObjek = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function buatLoaded(
  dir: string,
  files: Map<string, LoadedFile>,
  years: number[],
  diagnostics: Diagnostic[],
  tahunDiagnostik: ReadonlyMap<Diagnostic, number> = new Map(),
  ditemukan: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
  diagnostikNarasi: ReadonlySet<Diagnostic> = new Set(),
): Loaded {
  const data: DataSebagian = { tahun: new Map() };
  for (const y of years) ambilTahun(data, y);
  for (const f of files.values()) {
    // Only objects enter the model; anything else is reported by the schema check.
    if (!f.ok || !isObjek(f.value)) continue;
    const v = f.value;
    if (f.tahun === undefined) {
      if (f.jenis === 'opd') data.opd = v as unknown as Opd;
      else if (f.jenis === 'strategis') data.strategis = v as unknown as RenstraStrategis;
      else if (f.jenis === 'renstra-program') data.program = v as unknown as RenstraProgram;
      continue;
    }
    const dt = ambilTahun(data, f.tahun);
    switch (f.jenis) {
      case 'pk': dt.pk = v as unknown as PerjanjianKinerja; break;
      case 'kinerja': dt.kinerja = v as unknown as KinerjaTahun; break;
      case 'program-tahun': dt.program = v as unknown as ProgramTahun; break;
      case 'lra': dt.lra = v as unknown as Lra; break;
      case 'renja': dt.renja = v as unknown as Renja; break;
      case 'konteks': dt.konteks = v as unknown as Konteks; break;
      case 'lkjip': dt.lkjip = v as unknown as LkjipTahun; break;
      default: break;
    }
  }
  const sources = new Map<string, string>();
  for (const f of files.values()) sources.set(f.file, f.text);
  const loaded: Loaded = {
    dir,
    files,
    sources,
    years,
    data,
    diagnostics,
    tahunDiagnostik,
    diagnostikNarasi,
    ditemukan,
    positionOf(file, instancePath, opsi) {
      const f = files.get(file);
      return f ? f.posisi(instancePath, opsi) : undefined;
    },
  };
  if (data.opd && data.strategis && data.program) {
    loaded.dataSet = { opd: data.opd, strategis: data.strategis, program: data.program, tahun: data.tahun };
  }
  return loaded;
}

/** The file of a kind (and year), if it was read. */
export function fileOf(loaded: Loaded, jenis: JenisBerkas, tahun?: number): LoadedFile | undefined {
  for (const f of loaded.files.values()) if (f.jenis === jenis && f.tahun === tahun) return f;
  return undefined;
}
