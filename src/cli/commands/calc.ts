import { hitungTahun } from '../../calc/index.js';
import type { BarisKinerja, HasilTahun, RingkasAnggaran } from '../../calc/types.js';
import { formatAngka, formatPersen } from '../../util/format.js';
import { formatNilai } from '../../render/handlebars-env.js';
import type { Io } from '../io.js';
import { EXIT, type GlobalOptions } from '../run.js';
import { laporkan, ringkasan } from '../report.js';
import { tabelTeks, type Kolom } from '../table.js';
import { periksaData } from './validate.js';

export async function commandCalc(tahun: number, opts: GlobalOptions & { json: boolean }, io: Io): Promise<number> {
  const { loaded, diagnostics, ok } = await periksaData(tahun, opts, io);
  const reporter = opts.json ? 'json' : opts.reporter;
  if (!ok || !loaded.dataSet) {
    if (reporter === 'json') io.out(`${JSON.stringify({ tahun, ok: false, diagnostik: diagnostics }, null, 2)}\n`);
    else {
      laporkan(diagnostics, 'text', io, loaded.sources);
      io.err(`Tidak dihitung: data tidak valid (${ringkasan(diagnostics)}).\n`);
    }
    return EXIT.dataError;
  }
  const hasil = hitungTahun(loaded.dataSet, tahun);
  if (reporter === 'json') {
    io.out(`${JSON.stringify({ ok: true, ...hasil, diagnostik: diagnostics }, null, 2)}\n`);
    return EXIT.ok;
  }
  laporkan(diagnostics.filter((d) => d.severity === 'error'), 'text', io, loaded.sources);
  io.out(tabelCalc(hasil, loaded.dataSet.opd.nama_lengkap));
  const peringatan = hasil.peringatan.filter((d) => d.severity === 'warning').length;
  io.err(
    `${ringkasan(diagnostics)} pada data` +
      (peringatan ? `; ${peringatan} catatan hitungan (nilai tanpa target/realisasi), lihat --json` : '') +
      '.\n',
  );
  return EXIT.ok;
}

const KOLOM_KINERJA: Kolom[] = [
  { judul: 'ID' },
  { judul: 'Indikator', lebarMaks: 46 },
  { judul: 'Target', kanan: true },
  { judul: 'Realisasi', kanan: true },
  { judul: 'Capaian %', kanan: true },
  { judul: 'Kategori' },
];

function barisKinerja(b: BarisKinerja, desimal: number): string[] {
  const realisasi = b.realisasi === null && b.keterangan ? b.keterangan : formatNilai(b.realisasi, b.satuan, undefined, desimal);
  return [b.id, b.nama, formatNilai(b.target, b.satuan, undefined, desimal), realisasi, formatPersen(b.capaian, desimal), b.kategori ?? '-'];
}

function barisUang(label: string, a: RingkasAnggaran, desimal: number): string[] {
  return [
    label,
    formatAngka(a.anggaran),
    formatAngka(a.realisasi),
    formatAngka(a.sisa),
    formatPersen(a.persen_realisasi, desimal),
    formatPersen(a.persen_efisiensi, desimal),
    formatPersen(a.persen_dari_total, desimal),
  ];
}

/** The terminal view of a year's results: the tables a planning officer checks before building. */
export function tabelCalc(h: HasilTahun, namaOpd: string): string {
  const d = h.desimal_persen;
  const bagian: string[] = [`${namaOpd}: hasil hitungan tahun ${h.tahun}\n`];
  const kinerja = [...h.kinerja.tujuan, ...h.kinerja.iku, ...h.kinerja.lainnya];
  bagian.push(tabelTeks('Capaian indikator tujuan, kinerja utama dan kinerja lainnya', KOLOM_KINERJA, kinerja.map((b) => barisKinerja(b, d))));
  const rr = h.kinerja.rata_rata;
  bagian.push(
    `Rata-rata capaian IKU: ${formatPersen(rr.iku.capaian, d)} % (${rr.iku.kategori ?? '-'}); ` +
      `kinerja lainnya: ${formatPersen(rr.lainnya.capaian, d)} % (${rr.lainnya.kategori ?? '-'})\n`,
  );
  if (h.kinerja.program.length > 0) {
    bagian.push(tabelTeks('Capaian indikator program', KOLOM_KINERJA, h.kinerja.program.map((b) => barisKinerja(b, d))));
  }
  const kolomUang: Kolom[] = [
    { judul: 'Uraian', lebarMaks: 46 },
    { judul: 'Anggaran', kanan: true },
    { judul: 'Realisasi', kanan: true },
    { judul: 'Sisa', kanan: true },
    { judul: '% Real.', kanan: true },
    { judul: '% Efisiensi', kanan: true },
    { judul: '% Total', kanan: true },
  ];
  const lra = h.anggaran.lra;
  if (lra) {
    const baris = lra.baris.filter((b) => b.tingkat !== 'sub_kegiatan');
    const rows = baris.map((b) => {
      const indent = b.tingkat === 'kegiatan' ? '  ' : '';
      return barisUang(`${indent}${b.kode} ${b.uraian ?? ''}`.trim(), { ...b, sumber: 'lra' }, d);
    });
    rows.push(barisUang('JUMLAH', h.anggaran.opd, d));
    bagian.push(tabelTeks('Realisasi anggaran (LRA) per program dan kegiatan', kolomUang, rows));
  }
  if (h.sasaran.length > 0) {
    bagian.push(
      tabelTeks(
        'Anggaran dan efisiensi per sasaran',
        kolomUang,
        h.sasaran.map((s) => barisUang(`${s.id} ${s.uraian}`, s.anggaran, d)),
      ),
    );
  }
  return bagian.join('\n');
}
