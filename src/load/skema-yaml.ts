/**
 * The YAML 1.2 core schema for js-yaml, scalar for scalar the one the `yaml` package uses
 * (yaml/dist/schema/core): data files are read by js-yaml when clean (fast) and by `yaml` when a
 * position or an exact error is needed, and both must give the same values. js-yaml's own
 * CORE_SCHEMA follows YAML 1.1 for numbers (`0b101`, `1_000`, `-0x1F` are numbers there, `-.5` is
 * text), so its int and float types are replaced here by the 1.2 rules.
 * test/load/parse-yaml.test.ts runs both parsers over every data file and fixture.
 */
import jsYaml from 'js-yaml';

// yaml/dist/schema/core/int.js: decimal with sign, octal 0o and hex 0x without sign.
const INT_DESIMAL = /^[-+]?[0-9]+$/;
const INT_OKTAL = /^0o[0-7]+$/;
const INT_HEKSA = /^0x[0-9a-fA-F]+$/;
// yaml/dist/schema/core/float.js
const FLOAT_KHUSUS = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EKSPONEN = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_BIASA = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Whether a plain scalar can be a number at all (js-yaml asks every type about every scalar: words are most). */
const bisaAngka = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
};

const int12 = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && bisaAngka(s) && (INT_DESIMAL.test(s) || INT_OKTAL.test(s) || INT_HEKSA.test(s)),
  // As yaml's intResolve: parseInt of the digits in their radix (so -0 stays -0, big ones lose digits alike).
  construct: (s: string) => (INT_OKTAL.test(s) ? parseInt(s.substring(2), 8) : INT_HEKSA.test(s) ? parseInt(s.substring(2), 16) : parseInt(s, 10)),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
  represent: (v: object) => String(v),
});

const float12 = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && bisaAngka(s) && (FLOAT_KHUSUS.test(s) || FLOAT_EKSPONEN.test(s) || FLOAT_BIASA.test(s)),
  construct: (s: string) => {
    if (FLOAT_KHUSUS.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return parseFloat(s);
  },
  predicate: (v: unknown) => typeof v === 'number',
  represent: (v: object) => String(v),
});

// yaml/dist/schema/common/null.js and core/bool.js
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

const null12 = new jsYaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string | null) => s === null || s.length === 0 || ((s.length === 1 || s.length === 4) && NULL.test(s)),
  construct: () => null,
  predicate: (v: unknown) => v === null,
  represent: () => 'null',
});

const bool12 = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string | null) => s !== null && (s.length === 4 || s.length === 5) && BOOL.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
  predicate: (v: unknown) => typeof v === 'boolean',
  represent: (v: object) => String(v),
});

/** js-yaml with exactly the YAML 1.2 core schema: null, bool, int and float as `yaml` reads them. */
export const SKEMA_INTI_12 = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [null12, bool12, int12, float12] });

/** Options of `yaml`'s parseDocument that fix the same rules (its defaults, said out loud). */
export const OPSI_YAML = { version: '1.2', schema: 'core', intAsBigInt: false, merge: false } as const;
