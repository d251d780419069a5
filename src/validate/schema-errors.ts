import type { ErrorObject } from 'ajv/dist/2020.js';
import { diagnosa, tampilkanNilai, type Diagnostic } from '../diagnostics.js';
import type { LoadedFile } from '../load/load-data.js';
import { segmenPath } from '../load/position.js';
import { teksAngkaTakHingga } from './angka-besar.js';
import { sarankanAngka } from './number-text.js';
import { terdekat } from '../util/mirip.js';
import { sebabBukanTanggal } from './tanggal.js';

const NAMA_TIPE: Record<string, string> = {
  number: 'angka',
  integer: 'bilangan bulat (tanpa desimal)',
  string: 'teks',
  boolean: 'true atau false',
  object: 'peta (kunci: nilai)',
  array: 'daftar (butir diawali "- ")',
  null: 'null',
};

export function jelaskanNilai(v: unknown): string {
  if (v === undefined) return 'tidak ada isinya (berkas kosong)';
  if (v === null) return 'null (kosong)';
  if (Array.isArray(v)) return `daftar (${v.length} butir)`;
  if (typeof v === 'object') return 'peta (kunci: nilai)';
  if (typeof v === 'string') return `teks ${JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v)}`;
  if (typeof v === 'number') return `${Number.isInteger(v) ? 'bilangan bulat' : 'angka'} ${v}`;
  if (typeof v === 'boolean') return `nilai ${v}`;
  return String(v);
}

const isObjek = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `indikator[IKU-2].realisasi`: array items are named by their id or kode where they have one. */
export function namaKolom(root: unknown, instancePath: string): string {
  let v: unknown = root;
  let out = '';
  for (const seg of segmenPath(instancePath)) {
    if (Array.isArray(v)) {
      const idx = Number(seg);
      const item: unknown = v[idx];
      const nama = isObjek(item)
        ? [item.id, item.kode, item.indikator, item.program].find((x): x is string => typeof x === 'string')
        : undefined;
      out += nama ? `[${nama}]` : `[butir ke-${idx + 1}]`;
      v = item;
    } else {
      out += out ? `.${seg}` : seg;
      v = isObjek(v) ? v[seg] : undefined;
    }
  }
  return out;
}

function tempat(root: unknown, instancePath: string): string {
  return instancePath ? `\`${namaKolom(root, instancePath)}\`` : 'tingkat teratas berkas';
}

/** The closest known name, if close enough to be a typo (see util/mirip.ts). */
export function mirip(nama: string, kandidat: Iterable<string>): string | undefined {
  return terdekat(nama, kandidat);
}

function tipeDari(e: ErrorObject): string[] {
  const t = (e.params as { type?: string | string[] }).type;
  return Array.isArray(t) ? t : typeof t === 'string' ? t.split(',') : [];
}

/**
 * anyOf/oneOf: ajv reports every branch. Keep what a person needs: the errors of the branch that got
 * furthest into the value, or one merged type error when every branch failed on type only.
 */
function rapikanCabang(errors: ErrorObject[]): ErrorObject[] {
  let sisa = errors.filter((e) => e.keyword !== 'if');
  const gabungan = sisa
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const g of gabungan) {
    if (!sisa.includes(g)) continue;
    const awalan = g.schemaPath.replace(/\/(anyOf|oneOf)$/, '') + `/${g.keyword}/`;
    const anak = sisa.filter((e) => e !== g && e.schemaPath.startsWith(awalan));
    if (g.keyword === 'oneOf' && anak.length === 0) continue; // matched more than one branch: keep as is
    sisa = sisa.filter((e) => e !== g && !anak.includes(e));
    const dalam = anak.filter((e) => e.instancePath.length > g.instancePath.length);
    if (dalam.length > 0) {
      // The branch whose errors reach deepest is the one the author meant.
      const cabangDari = (e: ErrorObject): string => e.schemaPath.slice(awalan.length).split('/')[0] ?? '';
      const kedalaman = new Map<string, number>();
      for (const e of dalam) kedalaman.set(cabangDari(e), Math.max(kedalaman.get(cabangDari(e)) ?? 0, segmenPath(e.instancePath).length));
      const terbaik = [...kedalaman.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      sisa.push(...anak.filter((e) => cabangDari(e) === terbaik));
    } else if (anak.length > 0 && anak.every((e) => e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum')) {
      const tipe = [...new Set(anak.filter((e) => e.keyword === 'type').flatMap(tipeDari))];
      const nilai = anak.flatMap((e) =>
        e.keyword === 'const' ? [(e.params as { allowedValue: unknown }).allowedValue] : e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [],
      );
      if (nilai.length === 0) sisa.push({ ...g, keyword: 'type', params: { type: tipe } });
      else sisa.push({ ...g, keyword: 'enum', params: { allowedValues: nilai, type: tipe } });
    } else {
      sisa.push(g);
    }
  }
  return sisa;
}

function aturanBatas(e: ErrorObject): string {
  const p = e.params as { limit?: number; comparison?: string };
  const s = e.parentSchema as Record<string, unknown> | undefined;
  switch (e.keyword) {
    case 'minimum': return `nilainya harus paling kecil ${p.limit}`;
    case 'maximum': return `nilainya harus paling besar ${p.limit}`;
    case 'exclusiveMinimum': return `nilainya harus lebih dari ${p.limit}`;
    case 'exclusiveMaximum': return `nilainya harus kurang dari ${p.limit}`;
    case 'minItems':
    case 'maxItems':
      if (s && s.minItems === s.maxItems) return `harus berisi tepat ${String(s.minItems)} butir`;
      return `harus berisi paling ${e.keyword === 'minItems' ? 'sedikit' : 'banyak'} ${p.limit} butir`;
    case 'minProperties': return `harus berisi paling sedikit ${p.limit} kunci`;
    case 'maxProperties': return `harus berisi paling banyak ${p.limit} kunci`;
    case 'uniqueItems': return 'setiap butirnya harus berbeda (ada butir yang sama)';
    case 'multipleOf': return `harus kelipatan ${(e.params as { multipleOf: number }).multipleOf}`;
    default: return e.message ?? e.keyword;
  }
}

const CONTOH_FORMAT: Record<string, string> = { date: 'tanggal ISO seperti "2024-09-23"', 'date-time': 'tanggal dan jam ISO', email: 'alamat surel', uri: 'alamat URL' };

/** Text of a 1-based line. */
function barisTeks(text: string, line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  let awal = 0;
  for (let n = 1; n < line; n++) {
    const i = text.indexOf('\n', awal);
    if (i < 0) return undefined;
    awal = i + 1;
  }
  const akhir = text.indexOf('\n', awal);
  return text.slice(awal, akhir < 0 ? undefined : akhir);
}

/**
 * `{ realisasi: 45,5 }`: in flow style the comma ends the value, so YAML reads `realisasi: 45` and
 * a new key `5`. When an unknown all-digit key follows `<key>: <digits>,` on its line, returns the
 * key and the number meant (`realisasi`, `45.5`).
 */
function komaDesimalSebelum(text: string, pos: { line?: number; column?: number }, nama: string): { kunci: string; angka: string } | undefined {
  if (!/^\d+$/.test(nama) || pos.column === undefined) return undefined;
  const baris = barisTeks(text, pos.line);
  if (baris === undefined) return undefined;
  const m = /([A-Za-z_][\w-]*)\s*:\s*(-?\d+),\s*$/.exec(baris.slice(0, pos.column - 1));
  return m ? { kunci: m[1] as string, angka: `${m[2]}.${nama}` } : undefined;
}

/**
 * `{ nama: Dr. H. Ahmad Fauzi, S.Pd., M.M., jabatan: Kepala }`: in flow style the comma ends the
 * value, so YAML reads `nama: Dr. H. Ahmad Fauzi` and new keys `S.Pd.`, `M.M.`. When an unknown key
 * sits inside a `{ ... }` right after an unquoted text value on its line, returns that value's key
 * and the whole text meant (up to the next `, <key>:` or the closing brace).
 */
function komaTeksSebelum(text: string, pos: { line?: number; column?: number }): { kunci: string; nilai: string } | undefined {
  if (pos.column === undefined) return undefined;
  const baris = barisTeks(text, pos.line);
  if (baris === undefined) return undefined;
  const sebelum = baris.slice(0, pos.column - 1);
  const buka = sebelum.lastIndexOf('{');
  if (buka < 0 || sebelum.slice(buka).includes('}')) return undefined;
  const isi = sebelum.slice(buka + 1);
  let kunci: RegExpExecArray | undefined;
  for (const m of isi.matchAll(/([A-Za-z_][\w-]*)\s*:\s+/g)) kunci = m as RegExpExecArray;
  if (!kunci) return undefined;
  const awal = buka + 1 + kunci.index + kunci[0].length;
  const potong = baris.slice(awal, pos.column - 1);
  // Only an unquoted text value split by a comma: quoted, nested or empty values are other mistakes.
  if (!/^[^"'[{,\s][^"'[\]{}]*,\s*$/.test(potong)) return undefined;
  const sisa = baris.slice(awal);
  const ujung = sisa.search(/,\s*[A-Za-z_][\w-]*\s*:\s|\s*}/);
  const nilai = (ujung < 0 ? sisa : sisa.slice(0, ujung)).trim();
  return { kunci: kunci[1] as string, nilai: nilai.replace(/"/g, '\\"') };
}

/** A flow list written with decimal commas: `[12,5, 13,1]` (a digit, a comma, a digit). */
function barisBerkomaDesimal(text: string, line: number | undefined): boolean {
  const b = barisTeks(text, line);
  return b !== undefined && /\[[^\]]*\d,\d/.test(b);
}

/** Turns ajv errors of one file into diagnostics at the right line:column. */
export function diagnosaSkema(errors: readonly ErrorObject[], f: LoadedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lok = (p: string, kunci = false): { file: string; line?: number; column?: number } => {
    const pos = f.posisi(p, { kunci });
    return pos ? { file: f.file, line: pos.line, column: pos.column } : { file: f.file };
  };
  for (const e of rapikanCabang([...errors])) {
    const kolom = e.instancePath ? namaKolom(f.value, e.instancePath) : '(berkas)';
    const data: unknown = e.data;
    switch (e.keyword) {
      case 'type': {
        const tipe = tipeDari(e);
        const angka = tipe.includes('number') || tipe.includes('integer');
        const saran = angka && typeof data === 'string' ? sarankanAngka(data, !tipe.includes('number')) : undefined;
        const diharapkan = tipe.map((t) => NAMA_TIPE[t] ?? t).join(' atau ');
        if (angka && typeof data === 'string' && teksAngkaTakHingga(data)) {
          out.push(diagnosa('LKJ209', { kolom, ditemukan: `angka ${data}` }, { ...lok(e.instancePath), found: data }));
        } else if (saran !== undefined && typeof data === 'string') {
          out.push(diagnosa('LKJ202', { kolom, teks: data, angka: saran }, { ...lok(e.instancePath), found: data, expected: saran }));
        } else {
          out.push(
            diagnosa('LKJ201', { kolom, ditemukan: jelaskanNilai(data), diharapkan }, { ...lok(e.instancePath), found: tampilkanNilai(data), expected: diharapkan }),
          );
        }
        break;
      }
      case 'required':
      case 'dependentRequired': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const ket = e.keyword === 'dependentRequired' ? `wajib bila ada \`${(e.params as { property: string }).property}\`` : undefined;
        const p = { kolom: missing, di: tempat(f.value, e.instancePath), ...(ket ? { keterangan: ket } : {}) };
        out.push(diagnosa('LKJ203', p, { ...lok(e.instancePath), expected: missing }));
        break;
      }
      case 'additionalProperties':
      case 'unevaluatedProperties': {
        const nama = (e.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ??
          (e.params as { unevaluatedProperty?: string }).unevaluatedProperty ?? '';
        const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
        const dikenal = props ? Object.keys(props) : [];
        const m = mirip(nama, dikenal);
        const jalur = `${e.instancePath}/${nama.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const posisi = lok(jalur, true);
        const koma = komaDesimalSebelum(f.text, posisi, nama);
        const komaTeks = koma ? undefined : komaTeksSebelum(f.text, posisi);
        const terpotong = koma ?? komaTeks;
        out.push(
          diagnosa(
            'LKJ204',
            {
              kolom: nama.length > 80 ? `${nama.slice(0, 77)}...` : nama,
              di: tempat(f.value, e.instancePath),
              dikenal,
              ...(m && !terpotong ? { mirip: m } : {}),
              ...(koma ? { komaDesimal: koma } : {}),
              ...(komaTeks ? { komaTeks } : {}),
            },
            { ...posisi, found: nama },
          ),
        );
        break;
      }
      case 'enum':
      case 'const': {
        const pilihan = e.keyword === 'const' ? [(e.params as { allowedValue: unknown }).allowedValue] : (e.params as { allowedValues: unknown[] }).allowedValues;
        const tipe = (e.params as { type?: string[] }).type ?? [];
        const teks = [...pilihan.map(tampilkanNilai), ...tipe.map((t) => NAMA_TIPE[t] ?? t)].join(', ');
        out.push(diagnosa('LKJ205', { kolom, ditemukan: jelaskanNilai(data), pilihan: teks }, { ...lok(e.instancePath), found: tampilkanNilai(data), expected: teks }));
        break;
      }
      case 'pattern':
      case 'format':
      case 'minLength':
      case 'maxLength': {
        const p = e.params as { pattern?: string; format?: string; limit?: number };
        const sebab = (e.keyword === 'pattern' || e.keyword === 'format') && typeof data === 'string' ? sebabBukanTanggal(data) : undefined;
        if (sebab !== undefined && typeof data === 'string') {
          out.push(diagnosa('LKJ210', { kolom, tanggal: data, sebab }, { ...lok(e.instancePath), found: data }));
          break;
        }
        const desk = (e.parentSchema as { description?: string } | undefined)?.description;
        const aturan =
          e.keyword === 'pattern'
            ? // A long pattern (the calendar rule of a date) says nothing to a person: its description does.
              (p.pattern ?? '').length > 60 && desk
              ? `bentuknya tidak sesuai: ${desk}`
              : `bentuknya harus cocok dengan pola ${p.pattern}${desk ? ` (${desk})` : ''}`
          : e.keyword === 'format' ? `harus berupa ${CONTOH_FORMAT[p.format ?? ''] ?? p.format}`
          : e.keyword === 'minLength' ? (p.limit === 1 ? 'tidak boleh kosong' : `harus paling sedikit ${p.limit} karakter`)
          : `harus paling banyak ${p.limit} karakter`;
        out.push(diagnosa('LKJ206', { kolom, ditemukan: jelaskanNilai(data), aturan }, { ...lok(e.instancePath), found: tampilkanNilai(data) }));
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties':
      case 'uniqueItems':
      case 'multipleOf':
        {
          const posisi = lok(e.instancePath);
          const komaDesimal = e.keyword === 'maxItems' && Array.isArray(data) && barisBerkomaDesimal(f.text, posisi.line);
          out.push(diagnosa('LKJ207', { kolom, ditemukan: jelaskanNilai(data), aturan: aturanBatas(e), ...(komaDesimal ? { komaDesimal } : {}) }, { ...posisi, found: tampilkanNilai(data) }));
        }
        break;
      case 'anyOf':
      case 'oneOf':
        out.push(
          diagnosa(
            'LKJ208',
            { kolom, detail: e.keyword === 'oneOf' && (e.params as { passingSchemas?: unknown }).passingSchemas ? 'cocok dengan lebih dari satu bentuk yang diizinkan' : `${jelaskanNilai(data)} tidak cocok dengan bentuk mana pun yang diizinkan` },
            lok(e.instancePath),
          ),
        );
        break;
      case 'false schema':
        out.push(diagnosa('LKJ204', { kolom: segmenPath(e.instancePath).at(-1) ?? kolom, di: tempat(f.value, e.instancePath.replace(/\/[^/]*$/, '')), dikenal: [] }, lok(e.instancePath, true)));
        break;
      default:
        out.push(diagnosa('LKJ208', { kolom, detail: e.message ?? e.keyword }, lok(e.instancePath)));
    }
  }
  const kunci = new Set<string>();
  return out.filter((d) => {
    const k = `${d.code}|${d.line}|${d.column}|${d.message}`;
    if (kunci.has(k)) return false;
    kunci.add(k);
    return true;
  });
}
