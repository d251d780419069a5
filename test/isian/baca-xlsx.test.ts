/**
 * The workbook reader on its own: what other tools write (shared and inline strings, rich text,
 * prefixed namespaces, cells without addresses, dates by style, cached formula results), and the
 * limits that refuse a zip bomb or a file that is not a workbook before anything is inflated.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bacaXlsx, formatPersen, formatTanggal } from '../../src/impor/baca-xlsx.js';
import { GalatBuku, MAKS_ENTRI_BUKU, periksaZip } from '../../src/impor/zip.js';

/** A minimal zip (deflated entries); `bohong` declares a smaller uncompressed size than the truth. */
function zip(entri: Record<string, string | Buffer>, opsi: { bohong?: string; simpan?: boolean } = {}): Buffer {
  const lokal: Buffer[] = [];
  const pusat: Buffer[] = [];
  let offset = 0;
  for (const [nama, isi] of Object.entries(entri)) {
    const data = Buffer.isBuffer(isi) ? isi : Buffer.from(isi, 'utf8');
    const kompres = opsi.simpan ? data : deflateRawSync(data);
    const ukuran = opsi.bohong === nama ? 10 : data.length;
    const n = Buffer.from(nama);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(opsi.simpan ? 0 : 8, 8);
    h.writeUInt32LE(kompres.length, 18);
    h.writeUInt32LE(ukuran, 22);
    h.writeUInt16LE(n.length, 26);
    lokal.push(h, n, kompres);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(opsi.simpan ? 0 : 8, 10);
    c.writeUInt32LE(kompres.length, 20);
    c.writeUInt32LE(ukuran, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    pusat.push(c, n);
    offset += 30 + n.length + kompres.length;
  }
  const cd = Buffer.concat(pusat);
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(Object.keys(entri).length, 8);
  e.writeUInt16LE(Object.keys(entri).length, 10);
  e.writeUInt32LE(cd.length, 12);
  e.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokal, cd, e]);
}

const REL = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

/** A workbook in the style of another tool: `x:` prefixes, inline strings, shared rich text. */
function buku(sheet: string, opsi: { styles?: string; shared?: string } = {}): Buffer {
  return zip({
    '_rels/.rels': REL,
    'xl/workbook.xml':
      '<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Data &amp; Isian" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/sharedStrings.xml': opsi.shared ?? '<sst xmlns="x"><si><t>id</t></si><si><r><t xml:space="preserve">IKU</t></r><r><rPr><b/></rPr><t>-1</t></r><rPh><t>ふり</t></rPh></si><si><t>a_x000D_b &lt;c&gt;</t></si></sst>',
    'xl/styles.xml': opsi.styles ?? '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4" applyNumberFormat="1"><alignment/></xf></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheet}</x:sheetData></x:worksheet>`,
  });
}

describe('bacaXlsx', () => {
  it('reads shared strings with rich runs (not phonetic ones), inline strings, numbers, booleans, errors, formula results', () => {
    const b = bacaXlsx(
      buku(
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>nilai</x:t></x:is></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" s="2"><x:v>1234567.5</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c>' +
          '<x:c r="D3" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="E3"><x:f>B3*2</x:f><x:v>2469135</x:v></x:c><x:c r="F3" t="str"><x:f>A3</x:f><x:v>IKU-1</x:v></x:c>' +
          '<x:c r="G3"><x:f>1/0</x:f></x:c><x:c r="H3" t="s"><x:v>2</x:v></x:c></x:row>',
      ),
    );
    expect(b.nama).toEqual(['Data & Isian']);
    const l = b.lembar.get('Data & Isian')!;
    expect(l.baris.get(1)?.get(2)).toEqual({ jenis: 'teks', nilai: 'nilai', rumus: false });
    const r3 = l.baris.get(3)!;
    expect(r3.get(1)).toEqual({ jenis: 'teks', nilai: 'IKU-1', rumus: false });
    expect(r3.get(2)).toEqual({ jenis: 'angka', nilai: 1234567.5, rumus: false });
    expect(r3.get(3)).toEqual({ jenis: 'boolean', nilai: true, rumus: false });
    expect(r3.get(4)).toEqual({ jenis: 'galat', nilai: '#DIV/0!', rumus: false });
    expect(r3.get(5)).toEqual({ jenis: 'angka', nilai: 2469135, rumus: true });
    expect(r3.get(6)).toEqual({ jenis: 'teks', nilai: 'IKU-1', rumus: true });
    expect(r3.get(7)).toEqual({ jenis: 'tanpa-hasil', nilai: '', rumus: true });
    expect(r3.get(8)).toEqual({ jenis: 'teks', nilai: 'a\rb <c>', rumus: false });
  });

  it('places cells without an address after each other, and rows without a number after the last', () => {
    const l = bacaXlsx(buku('<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row>')).lembar.get('Data & Isian')!;
    expect(l.baris.get(1)?.get(2)?.nilai).toBe(2);
    expect(l.baris.get(2)?.get(3)?.nilai).toBe(3);
  });

  it('reads a number in a date format as a date', () => {
    const l = bacaXlsx(buku('<x:row r="1"><x:c r="A1" s="1"><x:v>45424</x:v></x:c><x:c r="B1" t="d"><x:v>2024-05-12T00:00:00</x:v></x:c></x:row>')).lembar.get('Data & Isian')!;
    expect(l.baris.get(1)?.get(1)).toEqual({ jenis: 'tanggal', nilai: '2024-05-12', serial: 45424, rumus: false });
    expect(l.baris.get(1)?.get(2)).toEqual({ jenis: 'tanggal', nilai: '2024-05-12', rumus: false });
  });

  it.each([
    ['0.00%', true],
    ['0%', true],
    ['#,##0" %"', false],
    ['#,##0', false],
  ])('format %s is a percentage: %s', (kode, hasil) => {
    expect(formatPersen(kode)).toBe(hasil);
  });

  it.each([
    ['dd/mm/yyyy', true],
    ['[$-421]d mmmm yyyy', true],
    ['h:mm', true],
    ['#,##0', false],
    ['#,##0.00" orang"', false],
    ['0.00%', false],
    ['General', false],
    ['"Rp" #,##0;[Red]-"Rp" #,##0', false],
  ])('format %s is a date: %s', (kode, hasil) => {
    expect(formatTanggal(kode)).toBe(hasil);
  });
});

describe('zip limits', () => {
  const tolak = (buf: Buffer, sebab: string, pesan: RegExp): void => {
    let galat: unknown;
    try {
      bacaXlsx(buf);
    } catch (e) {
      galat = e;
    }
    expect(galat).toBeInstanceOf(GalatBuku);
    expect((galat as GalatBuku).sebab).toBe(sebab);
    expect((galat as GalatBuku).message).toMatch(pesan);
  };

  it('refuses a zip bomb by its declared ratio before inflating it', () => {
    tolak(zip({ 'xl/worksheets/sheet1.xml': Buffer.alloc(50 * 1024 * 1024, 0x20) }), 'bom', /mengembang \d+ kali/);
  });

  it('refuses an entry that inflates past the size its directory declares', () => {
    tolak(zipBohong(), 'bom', /melebihi ukuran yang tercatat/);
  });

  it('refuses too many entries', () => {
    const banyak: Record<string, string> = {};
    for (let i = 0; i <= MAKS_ENTRI_BUKU; i++) banyak[`f${i}`] = '';
    expect(() => periksaZip(zip(banyak, { simpan: true }))).toThrow(/berisi \d+ berkas, melebihi batas/);
  });

  it.each([
    ['an old .xls or an encrypted workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), /\.xls\) atau \.xlsx yang dilindungi kata sandi/],
    ['a CSV', Buffer.from('id;realisasi\nIKU-1;89,6\nIKU-2;86,21\n'), /CSV/],
    ['an XML spreadsheet', Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), /XML/],
    ['a zip that is not a workbook', zip({ 'word/document.xml': '<w/>' }), /bukan buku kerja Excel/],
  ])('says what %s is', (_, buf, pesan) => {
    let galat: unknown;
    try {
      bacaXlsx(buf);
    } catch (e) {
      galat = e;
    }
    expect(galat).toBeInstanceOf(GalatBuku);
    expect((galat as GalatBuku).message).toMatch(pesan);
  });

  it('refuses a truncated archive', () => {
    const b = buku('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>');
    tolak(b.subarray(0, b.length - 30), 'rusak', /terpotong atau rusak/);
  });
});

function zipBohong(): Buffer {
  return zip({ '_rels/.rels': REL, 'xl/workbook.xml': '<workbook>' + ' '.repeat(5000) + '</workbook>' }, { bohong: 'xl/workbook.xml' });
}
