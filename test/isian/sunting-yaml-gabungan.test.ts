/**
 * Every combination of set / set-to-null / remove on the existing keys of one map, together with
 * inserting new keys before, between and after them, in each style a data file writes a map in.
 * Each result is compared with the same changes applied to the parsed value, and must keep the
 * map's style and the comments around it. A few combinations are pinned byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HAPUS, suntingYaml, type NilaiSkalar, type OpsiSunting, type Suntingan } from '../../src/impor/sunting-yaml.js';
import type { Jalur } from '../../src/isian/jalur.js';

/** Schema order: new keys w before a, x between a and b, y between b and c, z after c. */
const URUTAN = ['id', 'w', 'a', 'x', 'b', 'y', 'c', 'z'];
const opsi: OpsiSunting = {
  urutanKunci: () => URUTAN,
  kerangka: () => ({}),
  panjangDaftar: () => 4,
};

interface Gaya {
  nama: string;
  teks: string;
  /** Path of the map under test. */
  jalur: Jalur;
  /** Lines that must survive whatever happens to the map's keys. */
  tetap: string[];
  /** Checks the map kept its style. */
  gaya: (baru: string) => boolean;
}

const GAYA: Gaya[] = [
  {
    nama: 'flow map',
    teks: '# kepala\npeta: { a: 1, b: null, c: teks satu } # ekor\nlain: 5\n',
    jalur: ['peta'],
    tetap: ['# kepala', '# ekor', 'lain: 5'],
    gaya: (t) => /^peta: \{.*\} # ekor$/m.test(t),
  },
  {
    nama: 'flow map item of a list',
    teks: 'daftar:\n  # butir\n  - { a: 1, b: null, c: teks satu }\n  - { a: 2 }\nlain: 5\n',
    jalur: ['daftar', 0],
    tetap: ['  # butir', '  - { a: 2 }', 'lain: 5'],
    gaya: (t) => /^ {2}- \{.*\}$/m.test(t.split('\n')[2] ?? ''),
  },
  {
    nama: 'block map',
    teks: '# kepala\npeta:\n  # tentang a\n  a: 1\n  b: null # komentar b\n  c: teks satu\nlain: 5 # ekor\n',
    jalur: ['peta'],
    tetap: ['# kepala', '  # tentang a', 'lain: 5 # ekor'],
    gaya: (t) => !/peta: \{/.test(t),
  },
  {
    nama: 'block map item after a dash',
    teks: 'daftar:\n  - a: 1\n    b: null\n    c: teks satu\n  - a: 2\nlain: 5\n',
    jalur: ['daftar', 0],
    tetap: ['  - a: 2', 'lain: 5'],
    gaya: (t) => !/- \{ /.test(t.split('\n')[1] ?? ''),
  },
  {
    nama: 'root block map',
    teks: '# kepala\na: 1\nb: null\nc: teks satu\n',
    jalur: [],
    tetap: ['# kepala'],
    gaya: () => true,
  },
];

type Op = 'tetap' | 'ubah' | 'null' | 'hapus';
const OPS: Op[] = ['tetap', 'ubah', 'null', 'hapus'];
const NILAI_UBAH: Record<string, NilaiSkalar> = { a: 12.5, b: 'teks, dengan koma', c: 0 };
const NILAI_BARU: Record<string, NilaiSkalar> = { w: 'baru w', x: 7, y: null, z: 'Perbedaan: indikator' };

function ambil(v: unknown, jalur: Jalur): Record<string, unknown> {
  let x = v;
  for (const s of jalur) x = (x as Record<string | number, unknown>)[s as string | number];
  return x as Record<string, unknown>;
}

interface Kasus {
  judul: string;
  suntingan: Suntingan[];
  harap: (asli: unknown) => unknown;
}

function semuaKasus(jalur: Jalur): Kasus[] {
  const out: Kasus[] = [];
  for (let kode = 0; kode < 4 ** 3 * 2 ** 4; kode++) {
    const ops = (['a', 'b', 'c'] as const).map((k, i) => [k, OPS[Math.floor(kode / 4 ** i) % 4] as Op] as const);
    const baru = (['w', 'x', 'y', 'z'] as const).filter((_, i) => Math.floor(kode / 4 ** 3 / 2 ** i) % 2 === 1);
    const suntingan: Suntingan[] = [];
    // New keys first, then the existing ones, then new again: the order of changes must not matter.
    for (const k of baru.slice(0, 2)) suntingan.push({ jalur: [...jalur, k], nilai: NILAI_BARU[k] as NilaiSkalar });
    for (const [k, op] of ops) {
      if (op === 'ubah') suntingan.push({ jalur: [...jalur, k], nilai: NILAI_UBAH[k] as NilaiSkalar });
      if (op === 'null') suntingan.push({ jalur: [...jalur, k], nilai: null });
      if (op === 'hapus') suntingan.push({ jalur: [...jalur, k], nilai: HAPUS });
    }
    for (const k of baru.slice(2)) suntingan.push({ jalur: [...jalur, k], nilai: NILAI_BARU[k] as NilaiSkalar });
    out.push({
      judul: `${ops.map(([k, op]) => `${k}:${op}`).join(' ')} +[${baru.join('')}]`,
      suntingan,
      harap: (asli) => {
        const v = structuredClone(asli);
        const m = ambil(v, jalur);
        for (const [k, op] of ops) {
          if (op === 'ubah') m[k] = NILAI_UBAH[k];
          if (op === 'null') m[k] = null;
          if (op === 'hapus') delete m[k];
        }
        for (const k of baru) m[k] = NILAI_BARU[k];
        return v;
      },
    });
  }
  return out;
}

describe('suntingYaml: set, insert and remove on one map, in every combination', () => {
  for (const g of GAYA) {
    it(`${g.nama}: ${4 ** 3 * 2 ** 4} combinations give the expected value, style and comments`, () => {
      const asli = parse(g.teks) as unknown;
      const gagal: string[] = [];
      for (const k of semuaKasus(g.jalur)) {
        let teks: string;
        try {
          teks = suntingYaml(g.teks, k.suntingan, opsi).teks;
        } catch (e) {
          gagal.push(`${k.judul}: ${(e as Error).message.split('\n')[0]}`);
          continue;
        }
        const nilai = parse(teks) as unknown;
        const harap = k.harap(asli);
        if (JSON.stringify(sortir(nilai)) !== JSON.stringify(sortir(harap))) gagal.push(`${k.judul}: nilai ${JSON.stringify(nilai)}`);
        else if (!g.tetap.every((l) => teks.split('\n').some((x) => x.startsWith(l) || x.endsWith(l)))) gagal.push(`${k.judul}: komentar/baris hilang\n${teks}`);
        else if (!g.gaya(teks)) gagal.push(`${k.judul}: gaya berubah\n${teks}`);
        // Key order follows the schema.
        const kunci = Object.keys(ambil(nilai, g.jalur) ?? {});
        const urut = [...kunci].sort((a, b) => URUTAN.indexOf(a) - URUTAN.indexOf(b));
        if (kunci.join() !== urut.join()) gagal.push(`${k.judul}: urutan ${kunci.join()}`);
      }
      expect(gagal.slice(0, 5)).toEqual([]);
    });
  }
});

function sortir(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortir);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortir(x)]));
  return v;
}

describe('suntingYaml: combined changes of one map, byte for byte', () => {
  const pembanding: OpsiSunting = { ...opsi, urutanKunci: () => ['id', 'nilai', 'pembanding', 'keterangan'] };
  const t = (teks: string, s: Suntingan[], o: OpsiSunting = opsi): string => suntingYaml(teks, s, o).teks;

  it('the tester\'s case: value set, key inserted and last key removed in one flow map', () => {
    const teks = 'pembanding:\n  indikator:\n    - { id: IKL-2, nilai: null, keterangan: Perbedaan indikator } # dari PK\n';
    const j = ['pembanding', 'indikator', 0];
    expect(
      t(teks, [
        { jalur: [...j, 'nilai'], nilai: 12.5 },
        { jalur: [...j, 'pembanding'], nilai: 'Rata-rata Jawa Timur' },
        { jalur: [...j, 'keterangan'], nilai: HAPUS },
      ], pembanding),
    ).toBe('pembanding:\n  indikator:\n    - { id: IKL-2, nilai: 12.5, pembanding: Rata-rata Jawa Timur } # dari PK\n');
  });

  it.each([
    ['flow: first key removed, key inserted before it', '{ a: 1, b: 2 }', [['w', 'W'], ['a', HAPUS]], '{ w: W, b: 2 }'],
    ['flow: middle removed, keys inserted around it', '{ a: 1, b: 2, c: 3 }', [['x', 1], ['b', HAPUS], ['y', 2]], '{ a: 1, x: 1, "y": 2, c: 3 }'],
    ['flow: all removed', '{ a: 1, b: 2, c: 3 }', [['a', HAPUS], ['b', HAPUS], ['c', HAPUS]], '{}'],
    ['flow: all removed, one inserted', '{ a: 1, c: 3 }', [['a', HAPUS], ['c', HAPUS], ['z', null]], '{ z: null }'],
    ['flow: first two removed', '{ a: 1, b: 2, c: 3 }', [['a', HAPUS], ['b', HAPUS]], '{ c: 3 }'],
  ] as [string, string, [string, NilaiSkalar | typeof HAPUS][], string][])('%s', (_, peta, ubah, hasil) => {
    const teks = `# awal\npeta: ${peta} # akhir\n`;
    expect(t(teks, ubah.map(([k, nilai]) => ({ jalur: ['peta', k], nilai })))).toBe(`# awal\npeta: ${hasil} # akhir\n`);
  });

  it('block: first key removed and a key inserted before it; last removed and one inserted after it', () => {
    const teks = 'peta:\n  # tentang a\n  a: 1 # satu\n  b: 2\n  c: 3 # tiga\nlain: 5\n';
    const ubah: Suntingan[] = [
      { jalur: ['peta', 'a'], nilai: HAPUS },
      { jalur: ['peta', 'w'], nilai: 'W' },
      { jalur: ['peta', 'c'], nilai: HAPUS },
      { jalur: ['peta', 'z'], nilai: 9 },
      { jalur: ['peta', 'b'], nilai: null },
    ];
    expect(t(teks, ubah)).toBe('peta:\n  # tentang a\n  w: W\n  b: null\n  z: 9\nlain: 5\n');
  });

  it('block: every key removed leaves an empty map, not a null', () => {
    expect(t('peta:\n  a: 1\n  b: 2\nlain: 5\n', [{ jalur: ['peta', 'a'], nilai: HAPUS }, { jalur: ['peta', 'b'], nilai: HAPUS }])).toBe('peta:\n  {}\nlain: 5\n');
  });

  it('block item after a dash: its first key removed and one inserted before it', () => {
    const teks = 'daftar:\n  - a: 1\n    b: 2\n  - a: 3\n';
    expect(t(teks, [{ jalur: ['daftar', 0, 'a'], nilai: HAPUS }, { jalur: ['daftar', 0, 'w'], nilai: 'W' }])).toBe('daftar:\n  - w: W\n    b: 2\n  - a: 3\n');
    expect(t(teks, [{ jalur: ['daftar', 0, 'a'], nilai: HAPUS }])).toBe('daftar:\n  - b: 2\n  - a: 3\n');
  });

  it('keeps CRLF line ends through removals and insertions', () => {
    const teks = 'peta:\r\n  a: 1\r\n  b: 2\r\nlain: { a: 1, c: 3 }\r\n';
    const hasil = t(teks, [
      { jalur: ['peta', 'a'], nilai: HAPUS },
      { jalur: ['peta', 'x'], nilai: 4 },
      { jalur: ['lain', 'c'], nilai: HAPUS },
      { jalur: ['lain', 'x'], nilai: 5 },
    ]);
    expect(hasil).toBe('peta:\r\n  x: 4\r\n  b: 2\r\nlain: { a: 1, x: 5 }\r\n');
  });

  it('a later change of the same value replaces an earlier one', () => {
    expect(t('peta: { a: 1, b: 2 }\n', [{ jalur: ['peta', 'b'], nilai: 5 }, { jalur: ['peta', 'b'], nilai: HAPUS }])).toBe('peta: { a: 1 }\n');
    expect(t('peta: { a: 1, b: 2 }\n', [{ jalur: ['peta', 'b'], nilai: HAPUS }, { jalur: ['peta', 'b'], nilai: 5 }])).toBe('peta: { a: 1, b: 5 }\n');
  });
});
