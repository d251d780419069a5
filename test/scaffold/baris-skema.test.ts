/**
 * The `$schema` line of a file that `lkjip init` or `lkjip impor` creates must lead an editor to
 * the schema from where the file will be, wherever the data folder is and wherever lkjip is
 * installed (a checkout, node_modules/lkjip, a global prefix).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { barisSkemaBaru, type BerkasBerbaris } from '../../src/scaffold/skema.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'lkjip-baris-skema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A data folder `<tmp>/<n>/data` with the given files (relative to the data folder). */
function folder(berkas: Record<string, string>): string {
  const dir = path.join(tmp, String(++n), 'data');
  for (const [rel, isi] of Object.entries(berkas)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), isi);
  }
  return dir;
}
const baris = (target: string): string => `# yaml-language-server: $schema=${target}\ntahun: 2024\n`;
/** The installed tool's schemas/ in these cases: a folder beside the data folders. */
const alat = path.join(tmp, 'paket', 'schemas');
mkdirSync(alat, { recursive: true });
writeFileSync(path.join(alat, 'pk.schema.json'), '{}');

describe('barisSkemaBaru', () => {
  it.each<[string, Record<string, string>, BerkasBerbaris[], RegExp]>([
    [
      "the folder's own copy in skema/ first (a folder made by lkjip baru)",
      { 'skema/pk.schema.json': '{}', '2024/pk.yaml': baris('../../schemas/pk.schema.json') },
      [{ relatif: '2024/pk.yaml', jenis: 'pk', text: baris('../../schemas/pk.schema.json') }],
      /^# yaml-language-server: \$schema=\.\.\/skema\/pk\.schema\.json$/,
    ],
    [
      'where the other years point, when that resolves (a checkout: ../../schemas/)',
      { '../schemas/pk.schema.json': '{}', '2024/pk.yaml': baris('../../schemas/pk.schema.json') },
      [{ relatif: '2024/pk.yaml', jenis: 'pk', text: baris('../../schemas/pk.schema.json') }],
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/pk\.schema\.json$/,
    ],
    [
      "a base file's schema folder, seen from the year folder",
      { 'schema-saya/pk.schema.json': '{}', 'opd.yaml': baris('schema-saya/opd.schema.json') },
      [{ relatif: 'opd.yaml', jenis: 'opd', text: baris('schema-saya/opd.schema.json') }],
      /^# yaml-language-server: \$schema=\.\.\/schema-saya\/pk\.schema\.json$/,
    ],
    [
      "lines that lead nowhere (a folder copied out of the repository): the tool's own schemas/",
      { '2024/pk.yaml': baris('../../schemas/pk.schema.json') },
      [{ relatif: '2024/pk.yaml', jenis: 'pk', text: baris('../../schemas/pk.schema.json') }],
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/paket\/schemas\/pk\.schema\.json$/,
    ],
    [
      'a schema on the web, for files of the same kind, is kept',
      {},
      [{ relatif: '2024/pk.yaml', jenis: 'pk', text: baris('https://contoh.go.id/skema/pk.schema.json') }],
      /^# yaml-language-server: \$schema=https:\/\/contoh\.go\.id\/skema\/pk\.schema\.json$/,
    ],
  ])('%s', (_nama, berkas, ada, harap) => {
    const dir = folder(berkas);
    const hasil = barisSkemaBaru(dir, '2025/pk.yaml', 'pk', ada, alat);
    expect(hasil).toMatch(harap);
    const target = hasil.replace('# yaml-language-server: $schema=', '');
    if (!target.startsWith('https:')) expect(path.resolve(dir, '2025', target)).toMatch(/pk\.schema\.json$/);
  });

  it('every relative line it writes resolves from the new file', () => {
    const dir = folder({ '2024/pk.yaml': baris('../../schemas/pk.schema.json') });
    const target = barisSkemaBaru(dir, '2025/pk.yaml', 'pk', [], alat).replace('# yaml-language-server: $schema=', '');
    expect(path.resolve(dir, '2025', target)).toBe(path.join(alat, 'pk.schema.json'));
  });
});
