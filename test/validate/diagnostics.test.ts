import { describe, expect, it } from 'vitest';
import { diagnosa, formatDiagnostic, formatGithub, KATALOG, tampakkanKontrol, urutkanDiagnostik } from '../../src/diagnostics.js';

describe('catalog', () => {
  it('has a title, severity and message for every code, and stable code names', () => {
    for (const [code, e] of Object.entries(KATALOG)) {
      expect(code).toMatch(/^LKJ\d{3}$/);
      expect(e.judul.length).toBeGreaterThan(3);
      expect(['error', 'warning', 'info']).toContain(e.tingkat);
    }
    expect(KATALOG.LKJ304.tingkat).toBe('warning');
    expect(KATALOG.LKJ401.tingkat).toBe('info');
  });
});

describe('formatDiagnostic', () => {
  const d = diagnosa('LKJ202', { kolom: 'indikator[IKU-1].realisasi', teks: '89,60', angka: '89.60' }, { file: 'data/2024/kinerja.yaml', line: 3, column: 16 });
  const src = 'tahun: 2024\nindikator:\n  - { id: IKU-1, realisasi: "89,60" }\n';

  it('prints location, code, title, message, frame with caret and hint', () => {
    const t = formatDiagnostic(d, new Map([['data/2024/kinerja.yaml', src]]));
    const baris = t.split('\n');
    expect(baris[0]).toBe('data/2024/kinerja.yaml:3:16 error LKJ202 Angka ditulis sebagai teks');
    expect(t).toContain('"89,60"');
    expect(t).toContain('> 3 |   - { id: IKU-1, realisasi: "89,60" }');
    const caret = baris.find((b) => b.trimEnd().endsWith('^'))!;
    expect(caret.indexOf('^') - caret.indexOf('|') - 2).toBe(15);
    expect(baris.at(-1)).toBe('  Saran: tulis 89.60');
  });

  it('works without sources and without a location', () => {
    expect(formatDiagnostic(d)).not.toContain('|');
    const tanpa = diagnosa('LKJ103', { berkas: 'data/opd.yaml', isi: 'identitas' });
    expect(formatDiagnostic(tanpa).split('\n')[0]).toBe('error LKJ103 Berkas tidak ditemukan');
  });
});

describe('formatGithub', () => {
  it('makes an annotation with escaped properties and message', () => {
    const d = diagnosa('LKJ304', { program: '2.07.03', pk: 740160240, lra: 760284340 }, { file: 'data/2024/pk.yaml', line: 50, column: 42 });
    const t = formatGithub(d);
    expect(t.startsWith('::warning file=data/2024/pk.yaml,line=50,col=42,title=LKJ304 Anggaran PK P-APBD berbeda dengan LRA::')).toBe(true);
    expect(t).not.toContain('\n');
    expect(t).toContain('%0ASaran: ');
  });
  it('maps info to notice and leaves out a missing line', () => {
    const d = diagnosa('LKJ401', { tahun: 2022, kurang: ['lra.yaml'] }, { file: 'data/2022' });
    expect(formatGithub(d)).toMatch(/^::notice file=data\/2022,title=LKJ401 [^:]*::Tahun 2022/);
  });
});

describe('urutkanDiagnostik', () => {
  it('orders by file, line, column', () => {
    const a = { code: 'X', severity: 'error' as const, message: '', file: 'b', line: 1 };
    const b = { code: 'X', severity: 'error' as const, message: '', file: 'a', line: 9 };
    const c = { code: 'X', severity: 'info' as const, message: '' };
    expect(urutkanDiagnostik([c, a, b])).toEqual([b, a, c]);
  });
});

describe('control characters from data files', () => {
  const ESC = '\x1b';
  it.each([
    ['ESC sequence', `a${ESC}[2Jb`, 'a␛[2Jb'],
    ['bell and backspace', 'a\x07\x08b', 'a␇␈b'],
    ['carriage return', 'a\rb', 'a␍b'],
    ['DEL', 'a\x7fb', 'a␡b'],
    ['C1 CSI', 'a\x9b31mb', 'a\ufffd31mb'],
    ['bidi override', 'a\u202eb', 'a\ufffdb'],
    ['tab and newline stay', 'a\tb\nc', 'a\tb\nc'],
    ['ordinary Indonesian text', 'Capaian 89,60 % (Sangat Tinggi) – “baik”', 'Capaian 89,60 % (Sangat Tinggi) – “baik”'],
  ])('%s', (_nama, masuk, keluar) => {
    expect(tampakkanKontrol(masuk)).toBe(keluar);
  });

  it('a code frame shows them as visible characters with the caret still under the column', () => {
    const teks = `nama: x\njudul: "a${ESC}[31mmerah${ESC}[0m" ${ESC}]0;judul\x07\n`;
    const d = { code: 'LKJ201', severity: 'error' as const, message: `berisi ${ESC}[2J`, file: `data/x${ESC}.yaml`, line: 2, column: 20 };
    const keluar = formatDiagnostic(d, { [d.file]: teks });
    expect(keluar).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(keluar).toContain('judul: "a␛[31mmerah␛[0m" ␛]0;judul␇');
    const baris = keluar.split('\n');
    const sumber = baris.find((b) => b.startsWith('>')) as string;
    const caret = baris[baris.indexOf(sumber) + 1] as string;
    expect(sumber[caret.indexOf('^')]).toBe([...'judul: "a␛[31mmerah␛[0m" ␛]0;judul␇'][19]);
    expect(formatGithub(d)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });
});
