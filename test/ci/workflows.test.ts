/**
 * The GitHub workflows, checked as structure (actionlint is not packaged for Debian and its Go
 * module cannot be fetched here; see CONTRIBUTING): every action pinned to a full commit SHA with
 * its version in a comment, the same SHA for the same action everywhere, every `needs`, matrix
 * and job-output reference defined, npm caching, the Node versions of `engines`, and the
 * Windows/macOS matrix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const folder = path.join(root, '.github/workflows');
const berkas = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();

interface Langkah {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  steps?: Langkah[];
  container?: unknown;
}
interface Workflow {
  on?: unknown;
  jobs?: Record<string, Job>;
}

const baca = (f: string): { teks: string; wf: Workflow } => {
  const teks = readFileSync(path.join(folder, f), 'utf8');
  return { teks, wf: parse(teks) as Workflow };
};

describe.each(berkas)('%s', (f) => {
  const { teks, wf } = baca(f);
  const jobs = Object.entries(wf.jobs ?? {});

  it('has triggers and jobs, each job a runner and steps that run or use something', () => {
    expect(wf.on).toBeDefined();
    expect(jobs.length).toBeGreaterThan(0);
    for (const [, j] of jobs) {
      expect(j['runs-on']).toBeTruthy();
      expect(j.steps?.length).toBeGreaterThan(0);
      for (const s of j.steps ?? []) expect(Boolean(s.uses) !== Boolean(s.run)).toBe(true);
    }
  });

  it('pins every action to a full commit SHA, with its version tag beside it', () => {
    const uses = [...teks.matchAll(/uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    const sha = new Map<string, string>();
    for (const m of uses) {
      expect(m[1]).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(m[2]).toMatch(/^ # v\d+\.\d+\.\d+$/);
      const [aksi, ref] = (m[1] as string).split('@') as [string, string];
      expect(sha.get(aksi) ?? ref, `${aksi} dengan dua SHA berbeda`).toBe(ref);
      sha.set(aksi, ref);
    }
  });

  it('refers only to jobs, matrix values and job outputs that exist', () => {
    const nama = new Set(jobs.map(([n]) => n));
    for (const [n, j] of jobs) {
      const needs = j.needs === undefined ? [] : Array.isArray(j.needs) ? j.needs : [j.needs];
      for (const x of needs) expect(nama.has(x), `${n} needs ${x}`).toBe(true);
      const isi = JSON.stringify(j);
      for (const m of isi.matchAll(/matrix\.([\w-]+)/g)) expect(Object.keys(j.strategy?.matrix ?? {})).toContain(m[1]);
      for (const m of isi.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        expect(needs).toContain(m[1]);
        expect(Object.keys(wf.jobs?.[m[1] as string]?.outputs ?? {})).toContain(m[2]);
      }
    }
  });

  it('caches npm wherever Node is set up', () => {
    for (const [, j] of jobs) {
      for (const s of j.steps ?? []) if (s.uses?.startsWith('actions/setup-node@')) expect(s.with?.cache).toBe('npm');
    }
  });
});

describe('what the workflows cover', () => {
  it('tests on every Node version of `engines` (20, 22, 24)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20.11');
    const uji = baca('test.yml').wf.jobs?.uji;
    expect(uji?.strategy?.matrix?.node).toEqual([20, 22, 24]);
    expect(JSON.stringify(uji?.steps)).toContain('npm test');
  });

  it('installs the packed tarball and uses it from an empty folder on Linux, Windows and macOS', () => {
    const paket = baca('test.yml').wf.jobs?.paket;
    expect(paket?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    const langkah = JSON.stringify(paket?.steps);
    for (const s of ['npm ci', 'npm pack', 'npm install -g ./lkjip-*.tgz', 'lkjip doctor', 'lkjip baru', 'lkjip validate', 'lkjip build']) expect(langkah).toContain(s);
  });

  it('builds lkjip after npm ci wherever dist/ is used (there is no prepare script)', () => {
    for (const f of berkas) {
      for (const [n, j] of Object.entries(baca(f).wf.jobs ?? {})) {
        const run = (j.steps ?? []).map((s) => s.run ?? '');
        const pakai = run.findIndex((r) => r.includes('dist/'));
        if (pakai < 0) continue;
        const bangun = run.findIndex((r) => /npm run build|npm test|npm pack/.test(r));
        expect(bangun, `${f} ${n}`).toBeGreaterThanOrEqual(0);
        expect(bangun, `${f} ${n}`).toBeLessThan(pakai);
      }
    }
  });

  it('validates on Linux, Windows and macOS, and builds on Windows and macOS too', () => {
    const { wf } = baca('reports.yml');
    expect(wf.jobs?.validasi?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
    expect(wf.jobs?.portabel?.strategy?.matrix?.os).toEqual(['windows-latest', 'macos-latest']);
    expect(JSON.stringify(wf.jobs?.portabel?.steps)).toContain('build --all');
  });
});
