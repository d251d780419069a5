/**
 * `lkjip impor`: a returned fill-in workbook back into the data files.
 *
 * read the workbook safely (zip limits, own SpreadsheetML reader)
 *   -> rebuild the workbook model from the data now (where each cell goes)
 *   -> compare cell by cell with the workbook's memory and the data (cocokkan.ts): every problem
 *      at once, with its cell and row id
 *   -> edit each changed file's text in place (sunting-yaml.ts) and check it against its schema
 *   -> validate the whole data set with the new files, as `lkjip validate` does, in a copy
 *   -> replace the changed files all or none (gantiBerkas).
 * Any error anywhere means nothing is written; an unchanged workbook writes nothing at all.
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { diagnosa, type Diagnostic } from '../diagnostics.js';
import { buatFolder, gantiBerkas } from '../export/write-atomic.js';
import { ambilNilai, jalurKonkret } from '../isian/jalur.js';
import { bacaJejak, buatJejak, NAMA_LEMBAR_JEJAK, type Jejak } from '../isian/jejak.js';
import type { Medan } from '../isian/model.js';
import { aturanSisip, skemaBerkas } from '../isian/skema.js';
import { susunBukuIsian } from '../isian/susun.js';
import { buatPosisi, loadData, tampilanPath, type Loaded } from '../load/load-data.js';
import { namaSkema, type JenisBerkas } from '../load/kinds.js';
import { parseYaml } from '../load/parse-yaml.js';
import { barisSkemaBaru } from '../scaffold/skema.js';
import { posisiNode } from '../load/position.js';
import { validate } from '../validate/index.js';
import { diagnosaSkema } from '../validate/schema-errors.js';
import { muatSkema, validatorUntuk } from '../validate/schema.js';
import { bacaXlsx, type BukuBaca } from './baca-xlsx.js';
import { cocokkan, type LetakMedan, type Perubahan } from './cocokkan.js';
import { suntingYaml } from './sunting-yaml.js';
import { GalatBuku, MAKS_UKURAN_BUKU } from './zip.js';
import { tampilkanUkuran } from '../load/batas.js';

export { type Perubahan } from './cocokkan.js';

export interface OpsiImpor {
  tahun: number;
  /** Absolute path of the data folder. */
  dataDir: string;
  /** Absolute path of the workbook. */
  buku: string;
  /** `--dry-run`: everything but the final write. */
  ujiCoba: boolean;
  /** Validates the data folder as `lkjip validate` does (periksaData; injected to keep the CLI thin). */
  periksa(dataDir: string): Promise<Diagnostic[]>;
}

export interface BerkasImpor {
  /** Display path (like diagnostics'). */
  file: string;
  /** The file did not exist and is created. */
  baru: boolean;
}

export interface HasilImpor {
  ok: boolean;
  ditulis: boolean;
  perubahan: Perubahan[];
  berkas: BerkasImpor[];
  diagnostik: Diagnostic[];
  /** Texts for code frames (the data files, and the new texts of changed files). */
  sumber: Map<string, string>;
  /** The data folder itself has errors: nothing can be imported until they are fixed. */
  dataBermasalah: boolean;
}

const adaKesalahan = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
/** A JSON Pointer (ajv's instancePath) of a concrete path. */
const penunjukDari = (j: readonly (string | number)[]): string => j.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

export async function imporBukuIsian(o: OpsiImpor): Promise<HasilImpor> {
  const fileBuku = tampilanPath(o.buku);
  const hasil: HasilImpor = { ok: false, ditulis: false, perubahan: [], berkas: [], diagnostik: [], sumber: new Map(), dataBermasalah: false };
  const gagal = (...ds: Diagnostic[]): HasilImpor => {
    hasil.diagnostik.push(...ds);
    return hasil;
  };

  // 1. The workbook.
  let baca: BukuBaca;
  try {
    const info = await stat(o.buku);
    if (info.size > MAKS_UKURAN_BUKU) {
      return gagal(diagnosa('LKJ702', { berkas: fileBuku, detail: `berkas berukuran ${tampilkanUkuran(info.size)}, melebihi batas ${tampilkanUkuran(MAKS_UKURAN_BUKU)}` }, { file: fileBuku }));
    }
    baca = bacaXlsx(new Uint8Array(await readFile(o.buku)));
  } catch (err) {
    if (err instanceof GalatBuku) {
      const kode = err.sebab === 'terlalu-besar' || err.sebab === 'bom' ? 'LKJ702' : 'LKJ701';
      return gagal(diagnosa(kode, { berkas: fileBuku, detail: err.message }, { file: fileBuku }));
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code) return gagal(diagnosa('LKJ701', { berkas: fileBuku, detail: `${code === 'ENOENT' ? 'berkas tidak ada' : 'kesalahan sistem berkas'} (${code})` }, { file: fileBuku }));
    throw err;
  }

  // 2. The data now, which must be valid to know where each cell goes.
  const loaded = await loadData(o.dataDir);
  for (const [f, t] of loaded.sources) hasil.sumber.set(f, t);
  const awal = validate(loaded, o.tahun).filter((d) => d.severity === 'error');
  if (awal.length > 0 || !loaded.dataSet) {
    hasil.dataBermasalah = true;
    return gagal(...awal);
  }
  const model = susunBukuIsian(loaded, o.tahun);

  // 3. The workbook's memory, then cell by cell.
  let jejak: Jejak | undefined;
  const lembarJejak = baca.lembar.get(NAMA_LEMBAR_JEJAK);
  if (lembarJejak) {
    const potongan = [...lembarJejak.baris.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, sel]) => sel.get(1))
      .map((s) => (s && s.jenis === 'teks' ? s.nilai : ''));
    jejak = bacaJejak(potongan);
  }
  if (jejak && jejak.tahun !== o.tahun) return gagal(diagnosa('LKJ704', { tahunBuku: jejak.tahun, tahun: o.tahun }, { file: fileBuku }));
  if (!jejak) {
    hasil.diagnostik.push(diagnosa('LKJ703', { berkas: fileBuku }, { file: fileBuku }));
    jejak = buatJejak(model);
  }
  const cocok = cocokkan(model, baca, jejak);
  for (const d of cocok.diagnostik) d.file ??= fileBuku;
  hasil.diagnostik.push(...cocok.diagnostik);
  hasil.perubahan = cocok.perubahan;
  if (adaKesalahan(hasil.diagnostik)) return hasil;
  if (cocok.perubahan.length === 0) {
    hasil.ok = true;
    return hasil;
  }

  // 4. The new text of each changed file, checked against its schema.
  const perBerkas = new Map<string, Perubahan[]>();
  for (const p of cocok.perubahan) perBerkas.set(p.medan.berkas, [...(perBerkas.get(p.medan.berkas) ?? []), p]);
  const baru: { relatif: string; abs: string; file: string; jenis: JenisBerkas; teks: string; nilai: unknown; ada: boolean }[] = [];
  for (const [relatif, ps] of perBerkas) {
    const jenis = (ps[0] as Perubahan).medan.jenis;
    const lf = [...loaded.files.values()].find((f) => f.relatif === relatif);
    const abs = path.join(o.dataDir, relatif);
    const teksLama = lf?.text ?? teksBerkasBaru(o.dataDir, relatif, loaded, jenis, o.tahun);
    // A new file takes its quoting habits from the same kind of file of the nearest other year.
    const contoh = lf ? undefined : [...loaded.files.values()].filter((f) => f.jenis === jenis && f.tahun !== undefined).sort((a, b) => Math.abs((a.tahun as number) - o.tahun) - Math.abs((b.tahun as number) - o.tahun))[0];
    const h = suntingYaml(
      teksLama,
      ps.map((p) => ({ jalur: p.medan.jalur, nilai: p.baru })),
      { ...aturanSisip(skemaBerkas(jenis)), ...(contoh ? { teksContoh: contoh.text } : {}) },
    );
    const file = tampilanPath(abs);
    baru.push({ relatif, abs, file, jenis, teks: h.teks, nilai: h.nilai, ada: !!lf });
    // Code frames of problems found from here on show the text as it would be.
    hasil.sumber.set(file, h.teks);
    hasil.diagnostik.push(...cekSkema(file, relatif, jenis, h.teks, h.nilai, cocok.letak, ps, fileBuku));
  }
  hasil.berkas = baru.map((b) => ({ file: b.file, baru: !b.ada }));
  if (adaKesalahan(hasil.diagnostik)) return hasil;

  // 5. The whole data set with the new files, validated in a copy (the data folder is not touched).
  const tmp = await mkdtemp(path.join(tmpdir(), 'lkjip-impor-'));
  try {
    const salinan = path.join(tmp, 'data');
    // Everything validation reads (YAML, narrative, the pictures it names), without hidden files.
    await cp(o.dataDir, salinan, {
      recursive: true,
      filter: (src) => src === o.dataDir || !path.basename(src).startsWith('.'),
    });
    for (const b of baru) {
      await buatFolder(path.dirname(path.join(salinan, b.relatif)));
      await writeFile(path.join(salinan, b.relatif), b.teks);
    }
    const dariSalinan = tampilanPath(salinan);
    const keAsli = tampilanPath(o.dataDir);
    const ganti = (f: string | undefined): string | undefined => (f && f.startsWith(dariSalinan) ? keAsli + f.slice(dariSalinan.length) : f);
    const cek = (await o.periksa(salinan)).filter((d) => d.severity === 'error');
    if (cek.length > 0) {
      const baris = barisPerubahan(baru, cocok.perubahan);
      for (const d of cek) {
        const f = ganti(d.file);
        if (f !== undefined) d.file = f;
        const p = d.file && d.line ? baris.get(`${d.file}:${d.line}`) : undefined;
        if (p) d.sel = p.sel;
        else {
          // A rule that points elsewhere (a parent row, another file): name the cells changed in that file.
          const b = baru.find((x) => x.file === d.file);
          const sel = b ? cocok.perubahan.filter((x) => x.medan.berkas === b.relatif) : [];
          if (sel.length > 0) {
            const daftar = sel.slice(0, 5).map((x) => `${x.sel} (${x.id}, ${x.kolom})`);
            d.message += ` Sel yang diubah di berkas ini: ${daftar.join(', ')}${sel.length > 5 ? `, dan ${sel.length - 5} lagi` : ''}.`;
          }
        }
      }
      hasil.diagnostik.push(...cek, diagnosa('LKJ732', { jumlah: cek.length }));
      return hasil;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  // 6. All or none.
  if (!o.ujiCoba) {
    await gantiBerkas(baru.map((b) => ({ path: b.abs, data: b.teks })));
    hasil.ditulis = true;
  }
  hasil.ok = true;
  return hasil;
}

/** The first lines of a year file that does not exist yet: its `$schema` comment (resolvable from it) and the year. */
function teksBerkasBaru(dataDir: string, relatif: string, loaded: Loaded, jenis: JenisBerkas, tahun: number): string {
  return `${barisSkemaBaru(dataDir, relatif, jenis, loaded.files.values())}\n` + `# Dibuat oleh \`lkjip impor ${tahun}\` dari buku isian.\ntahun: ${tahun}\n`;
}

/** Schema errors of a changed file, each pinned to the cell it comes from where it can be. */
function cekSkema(
  file: string,
  relatif: string,
  jenis: JenisBerkas,
  teks: string,
  nilai: unknown,
  letak: Map<Medan, LetakMedan>,
  perubahan: readonly Perubahan[],
  fileBuku: string,
): Diagnostic[] {
  const v = validatorUntuk(muatSkema(), namaSkema(jenis));
  if (typeof v === 'string' || v(nilai)) return [];
  const penunjuk = new Map<string, LetakMedan>();
  for (const [m, l] of letak) {
    if (m.berkas !== relatif) continue;
    const j = jalurKonkret(nilai, m.jalur);
    if (j) penunjuk.set(penunjukDari(j), l);
    else {
      // A cell that stayed empty inside a new item: its place is where the item now is, plus the key.
      const induk = jalurKonkret(nilai, m.jalur.slice(0, -1));
      if (induk && ambilNilai(nilai, m.jalur.slice(0, -1)) !== undefined) penunjuk.set(penunjukDari([...induk, String(m.jalur[m.jalur.length - 1])]), l);
    }
  }
  const diubah = new Map<string, LetakMedan>();
  for (const p of perubahan) {
    const j = jalurKonkret(nilai, p.medan.jalur);
    if (j) diubah.set(penunjukDari(j), { sel: p.sel, lembar: p.lembar, id: p.id, kolom: p.kolom });
  }
  const hasilParse = parseYaml(teks, file);
  const dasar = { file, relatif, jenis, text: teks, doc: hasilParse.doc, lineCounter: hasilParse.lineCounter, value: nilai, ok: true };
  const lf = { ...dasar, posisi: buatPosisi(dasar) };
  const out: Diagnostic[] = [];
  for (const e of v.errors ?? []) {
    const ptr = e.keyword === 'required' ? `${e.instancePath}/${String((e.params as { missingProperty?: string }).missingProperty)}` : e.instancePath;
    let l = penunjuk.get(ptr) ?? diubah.get(ptr);
    if (!l) {
      // Else the changed cell closest to the failing place (most path segments in common).
      let terbaik = 0;
      const seg = ptr.split('/');
      for (const [p, x] of diubah) {
        const ps = p.split('/');
        let n = 0;
        while (n < ps.length && n < seg.length && ps[n] === seg[n]) n++;
        if (n - 1 > terbaik) {
          terbaik = n - 1;
          l = x;
        }
      }
    }
    const [d] = diagnosaSkema([e], lf as unknown as Parameters<typeof diagnosaSkema>[1]);
    const detail = d ? `${d.message}${d.hint ? ` (${d.hint})` : ''}` : `${e.instancePath} ${e.message ?? ''}`;
    out.push(
      l
        ? diagnosa('LKJ731', { kolom: l.kolom, id: l.id, berkas: relatif, detail }, { file: fileBuku, sel: l.sel })
        : diagnosa('LKJ731', { berkas: relatif, detail }, { file, ...(d?.line ? { line: d.line } : {}), ...(d?.column ? { column: d.column } : {}) }),
    );
  }
  return out;
}

/** `file:line` of every changed value in the new texts -> its change, to pin validation errors to cells. */
function barisPerubahan(baru: readonly { file: string; relatif: string; teks: string; nilai: unknown }[], perubahan: readonly Perubahan[]): Map<string, Perubahan> {
  const out = new Map<string, Perubahan>();
  const parse = new Map<string, { doc: Document.Parsed; lc: LineCounter; nilai: unknown; file: string }>();
  for (const b of baru) {
    const h = parseYaml(b.teks, b.file);
    parse.set(b.relatif, { doc: h.doc, lc: h.lineCounter, nilai: b.nilai, file: b.file });
  }
  for (const p of perubahan) {
    const x = parse.get(p.medan.berkas);
    if (!x) continue;
    const j = jalurKonkret(x.nilai, p.medan.jalur);
    if (!j) continue;
    const pos = posisiNode(x.doc, x.lc, penunjukDari(j));
    if (pos) out.set(`${x.file}:${pos.line}`, p);
  }
  return out;
}
