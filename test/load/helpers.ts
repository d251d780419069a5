import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes files ({ 'renstra/strategis.yaml': '...' }) into a fresh temp folder and returns it. */
export function folderSementara(files: Record<string, string>, awalan = 'lkjip-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), awalan));
  for (const [rel, isi] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, isi);
  }
  return dir;
}
