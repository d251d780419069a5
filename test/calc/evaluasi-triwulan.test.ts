/**
 * Quarterly E.81 evaluation (`--triwulan n`): only quarters 1..n count, unfilled quarters of the
 * window are "-" (null) with a warning, never 0; column 13 against the annual target by default
 * or against the target up to the quarter when the data declares one and the setting asks for it.
 * A made-up agency with round numbers, so every expected value can be checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { hitungEvaluasiTriwulan, hitungTahun, targetSampaiTriwulan } from '../../src/calc/index.js';
import type { BarisE81, HasilE81, KolomE81K } from '../../src/calc/types.js';
import type { DataSet, Indikator, RenstraProgram, Triwulan } from '../../src/model/types.js';
import { opd } from './data-2024.js';

const ind = (id: string, kumulatif: boolean, satuan: string, target2025: number, akhir: number): Indikator => ({
  id,
  nama: id,
  jenis: id.split('.').length <= 3 ? 'program' : 'sub_kegiatan',
  satuan,
  polaritas: 'tinggi_baik',
  kumulatif,
  target: { 2025: target2025 },
  target_akhir: akhir,
});

const renstra: RenstraProgram = {
  program: [
    {
      kode: '1.02.02',
      nama: 'PROGRAM PEMENUHAN UPAYA KESEHATAN',
      indikator: ['I-P'],
      kegiatan: [
        {
          kode: '1.02.02.2.01',
          nama: 'Penyediaan Fasilitas Pelayanan Kesehatan',
          indikator: [],
          sub_kegiatan: [
            { kode: '1.02.02.2.01.0001', nama: 'Pembangunan Puskesmas', indikator: ['I-S1'], pagu_renstra: 4_000_000 },
            { kode: '1.02.02.2.01.0002', nama: 'Pengadaan Alat Kesehatan', indikator: ['I-S2'], pagu_renstra: 1_000_000 },
          ],
        },
      ],
    },
  ],
  indikator: [
    // a percentage: the level reached by a quarter, not a sum
    ind('I-P', false, '%', 80, 90),
    // counts: quarters add up
    ind('I-S1', true, 'unit', 100, 400),
    ind('I-S2', true, 'paket', 10, 40),
  ],
};

const tw = (...v: (number | null)[]): Triwulan => [v[0] ?? null, v[1] ?? null, v[2] ?? null, v[3] ?? null];

function data(target: 'tahunan' | 'triwulan' = 'tahunan', tanpaRencana = false): DataSet {
  return structuredClone({
    opd: { ...opd, pengaturan: { target_evaluasi: target } },
    strategis: { periode: { awal: 2025, akhir: 2029 }, indikator: [] } as unknown as DataSet['strategis'],
    program: renstra,
    tahun: new Map([
      [
        2025,
        {
          tahun: 2025,
          narasi: {},
          program: {
            tahun: 2025,
            node: [
              { kode: '1.02.02', indikator: [{ id: 'I-P', realisasi_triwulan: tw(20, 41, 60, null), target_triwulan: tw(20, 40, 60, 80) }] },
              {
                kode: '1.02.02.2.01.0001',
                pagu: 1_000_000,
                realisasi_rp_triwulan: tw(100_000, 200_000, 300_000, null),
                ...(tanpaRencana ? {} : { anggaran_kas_triwulan: tw(250_000, 250_000, 250_000, 250_000) }),
                indikator: [{ id: 'I-S1', realisasi_triwulan: tw(10, 20, 30, null), target_triwulan: tw(25, 25, 25, 25) }],
              },
              {
                // quarter II not reported yet: "-" from quarter II on, not 0
                kode: '1.02.02.2.01.0002',
                pagu: 500_000,
                realisasi_rp_triwulan: tw(50_000, null, null, null),
                anggaran_kas_triwulan: tw(100_000, 100_000, 150_000, 150_000),
                indikator: [{ id: 'I-S2', realisasi_triwulan: tw(4, null, null, null) }],
              },
            ],
          },
        },
      ],
    ]),
  });
}

function evaluasi(sampai: 1 | 2 | 3 | 4, target: 'tahunan' | 'triwulan' = 'tahunan', tanpaRencana = false) {
  const r = hitungEvaluasiTriwulan(data(target, tanpaRencana), 2025, sampai);
  return { e81: r.e81 as HasilE81, peringatan: r.peringatan };
}
const semuaBaris = (e: HasilE81): BarisE81[] => e.program.flatMap((p) => p.baris);
const baris = (e: HasilE81, kode: string): BarisE81 => {
  const b = semuaBaris(e).find((x) => x.kode === kode);
  if (!b) throw new Error(kode);
  return b;
};
const k = (e: HasilE81, kode: string): KolomE81K => baris(e, kode).indikator[0] as KolomE81K;

describe('quarterly E.81: only quarters 1..n count', () => {
  it.each([
    // n, I-S1 col 12 (sum), I-P col 12 (latest), sub kegiatan 0001 Rp col 12, program Rp col 12
    [1, 10, 20, 100_000, 150_000],
    [2, 30, 41, 300_000, 350_000],
    [3, 60, 60, 600_000, 650_000],
    [4, 60, 60, 600_000, 650_000],
  ] as const)('TW %i: K12 %d (sum), %d (latest), Rp12 %d, program Rp12 %d', (n, s1, p, rp, rpProgram) => {
    const { e81 } = evaluasi(n);
    expect(k(e81, '1.02.02.2.01.0001').k12).toBe(s1);
    expect(k(e81, '1.02.02').k12).toBe(p);
    expect(baris(e81, '1.02.02.2.01.0001').rp.rp12).toBe(rp);
    expect(baris(e81, '1.02.02').rp.rp12).toBe(rpProgram);
    // quarters after n are left out of the table, whatever the data holds
    for (const b of semuaBaris(e81)) {
      for (let i: number = n; i < 4; i++) expect(b.rp.triwulan[i]).toBeNull();
      for (const x of b.indikator) for (let i: number = n; i < 4; i++) expect(x.triwulan[i]).toBeNull();
    }
    expect(e81.evaluasi?.sampai).toBe(n);
    expect(e81.triwulan_evaluasi).toBe(n);
  });

  it('column 13 against the annual target: 41 % at TW II is Sangat Rendah', () => {
    const { e81 } = evaluasi(2);
    const p = k(e81, '1.02.02');
    expect(p.k13).toBeCloseTo((41 / 80) * 100, 10);
    // program means: k13 of I-P (51,25), I-S1 (30 %), I-S2 (40 %) -> 40,42 -> Sangat Rendah
    expect(k(e81, '1.02.02.2.01.0001').k13).toBeCloseTo(30, 10);
    expect(k(e81, '1.02.02.2.01.0002').k13).toBeCloseTo(40, 10);
    expect(e81.program[0]?.rata_rata.k13).toBeCloseTo((51.25 + 30 + 40) / 3, 10);
    expect(e81.total.rata_rata.predikat).toBe('Sangat Rendah');
    // column 14 = 6 + 12 and 15 = 14 / 5 follow the window too
    expect(k(e81, '1.02.02.2.01.0001').k14).toBe(30);
    expect(k(e81, '1.02.02.2.01.0001').k15).toBeCloseTo(7.5, 10);
    expect(k(e81, '1.02.02.2.01.0001').target_evaluasi).toBeUndefined();
  });

  it('an unfilled quarter of the window stays null ("-") and is listed in a warning, never 0', () => {
    const { e81, peringatan } = evaluasi(3);
    const s2 = k(e81, '1.02.02.2.01.0002');
    expect(s2.triwulan).toEqual([4, null, null, null]);
    expect(s2.k12).toBe(4);
    expect(baris(e81, '1.02.02.2.01.0002').rp.triwulan).toEqual([50_000, null, null, null]);
    const w = peringatan.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI');
    // quarter II: I-S2 and its Rp; quarter III: the same two
    expect(w.map((d) => d.message)).toEqual([
      expect.stringContaining('triwulan II belum diisi untuk 2 baris (1.02.02.2.01.0002 Rp, 1.02.02.2.01.0002 I-S2)'),
      expect.stringContaining('triwulan III belum diisi untuk 2 baris'),
    ]);
    expect(e81.evaluasi?.belum_diisi).toEqual([0, 2, 2]);
    // TW IV: I-P, I-S1 and 0001's Rp join the list for quarter IV
    const tw4 = evaluasi(4).peringatan.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI');
    expect(tw4.at(-1)?.message).toContain('triwulan IV belum diisi untuk 5 baris');
  });

  it('a complete quarter gives no warning', () => {
    expect(evaluasi(1).peringatan.filter((d) => d.code === 'TRIWULAN_BELUM_DIISI')).toEqual([]);
  });
});

describe('quarterly E.81 against the target up to the quarter (pengaturan.target_evaluasi: triwulan)', () => {
  it('K: cumulative targets add up, a level takes the quarter\'s own', () => {
    const { e81 } = evaluasi(2, 'triwulan');
    // I-P: 41 against 40 (the level for TW II) instead of 80
    expect(k(e81, '1.02.02').target_evaluasi).toBe(40);
    expect(k(e81, '1.02.02').k13).toBeCloseTo(102.5, 10);
    // I-S1: 30 against 25 + 25
    expect(k(e81, '1.02.02.2.01.0001').k13).toBeCloseTo(60, 10);
  });

  it('Rp: realisation against the anggaran kas up to the quarter; parents sum their children\'s plans', () => {
    const { e81 } = evaluasi(2, 'triwulan');
    expect(baris(e81, '1.02.02.2.01.0001').rp.rp13).toBeCloseTo(60, 10); // 300.000 / 500.000
    expect(baris(e81, '1.02.02.2.01.0002').rp.rp13).toBeCloseTo(25, 10); // 50.000 / 200.000
    expect(baris(e81, '1.02.02').rp.target_evaluasi).toBe(700_000);
    expect(baris(e81, '1.02.02').rp.rp13).toBeCloseTo(50, 10); // 350.000 / 700.000
  });

  it('a row without a quarterly target falls back on the annual one, with a warning naming it', () => {
    const { e81, peringatan } = evaluasi(2, 'triwulan', true);
    // I-S2 has no target_triwulan; 0001 has no anggaran kas in this variant
    expect(k(e81, '1.02.02.2.01.0002').target_evaluasi).toBe(10);
    expect(k(e81, '1.02.02.2.01.0002').k13).toBeCloseTo(40, 10);
    expect(baris(e81, '1.02.02.2.01.0001').rp.rp13).toBeCloseTo(30, 10); // against the pagu
    const w = peringatan.find((d) => d.code === 'TARGET_TRIWULAN_KOSONG');
    expect(w?.message).toContain('1.02.02.2.01.0002 I-S2');
    expect(w?.message).toContain('1.02.02.2.01.0001 Rp');
  });

  it('the setting changes the predikat of the same data', () => {
    expect(evaluasi(2, 'tahunan').e81.total.rata_rata.predikat).toBe('Sangat Rendah');
    // 102,5 / 60 / 40 (I-S2 has no plan: annual) -> 67,5 -> Sedang
    expect(evaluasi(2, 'triwulan').e81.total.rata_rata.k13).toBeCloseTo((102.5 + 60 + 40) / 3, 10);
    expect(evaluasi(2, 'triwulan').e81.total.rata_rata.predikat).toBe('Sedang');
  });
});

describe('the (Perubahan) Renja E.81 is unchanged', () => {
  it('counts every reported quarter and carries no evaluation', () => {
    const e81 = hitungTahun(data(), 2025).renja.e81 as HasilE81;
    expect(e81.evaluasi).toBeNull();
    expect(k(e81, '1.02.02.2.01.0001').k12).toBe(60);
    expect(k(e81, '1.02.02').k13).toBeCloseTo(75, 10);
  });
});

describe('targetSampaiTriwulan', () => {
  it.each([
    [tw(1, 2, 3, 4), 2, true, 3],
    [tw(1, 2, 3, 4), 4, true, 10],
    [tw(10, 20, 30, 40), 3, false, 30],
    [tw(10, null, 30, 40), 3, true, null],
    [undefined, 2, true, null],
  ] as const)('%j up to %i (kumulatif %s) = %s', (plan, n, kum, hasil) => {
    expect(targetSampaiTriwulan(plan as Triwulan | undefined, n, kum)).toBe(hasil);
  });
});
