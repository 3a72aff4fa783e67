// What scripts/record-expected.mjs and traces/reference/record-reference.mjs share about
// running a loopsim scenario under real node: the `// @` header directives, the `// @file`
// fixtures created beside the scenario for a run, and the normalisation of what node prints
// (docs/scenarios.md). A module of functions only: importing it runs nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root (this file is in scripts/).
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The header directives: `@runs N`, `@env NAME=VALUE` (repeatable), `@skip-record`,
// `@file NAME SIZE` / `@file NAME "TEXT"` (repeatable), `@nondeterministic WHY`.
export function parseHeader(source) {
  const h = { runs: null, env: {}, skip: false, files: [], nondeterministic: false };
  for (const line of source.split('\n')) {
    const m = /^\s*\/\/\s*@([a-z-]+)\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    if (m[1] === 'runs') h.runs = Number(m[2]);
    else if (m[1] === 'env') {
      const eq = m[2].indexOf('=');
      if (eq > 0) h.env[m[2].slice(0, eq)] = m[2].slice(eq + 1);
    } else if (m[1] === 'skip-record') h.skip = true;
    else if (m[1] === 'file') h.files.push(parseFileDirective(m[2]));
    else if (m[1] === 'nondeterministic') h.nondeterministic = true;
  }
  return h;
}

// The repeating 37-byte line a sized fixture is filled with (loopsim's virtual file system
// makes the same bytes).
const PATTERN = 'abcdefghijklmnopqrstuvwxyz0123456789\n';
function parseFileDirective(text) {
  const m = /^(\S+)\s+(.*)$/.exec(text);
  if (!m) throw new Error(`bad @file directive '${text}' (expected: @file NAME SIZE or @file NAME "TEXT")`);
  const [, name, spec] = m;
  if (spec.startsWith('"')) return { name, contents: JSON.parse(spec) };
  const s = /^(\d+)(B|KiB|MiB)$/.exec(spec);
  if (!s) throw new Error(`bad @file size '${spec}' (expected e.g. 100B, 64KiB, 2MiB)`);
  const size = Number(s[1]) * { B: 1, KiB: 1024, MiB: 1024 * 1024 }[s[2]];
  return { name, contents: PATTERN.repeat(Math.ceil(size / PATTERN.length)).slice(0, size) };
}

// Calls fn() with the fixtures `files` created beside `file`, and removes them afterwards.
export function withFiles(file, files, fn) {
  const made = [];
  try {
    for (const f of files) {
      const p = path.join(path.dirname(file), f.name);
      if (fs.existsSync(p)) throw new Error(`${p}: @file would overwrite an existing file`);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, f.contents);
      made.push(p);
    }
    return fn();
  } finally {
    for (const p of made) fs.rmSync(p, { force: true });
  }
}

// Paths from the repository root instead of absolute ones, and `(node:PID)` for warnings.
export function normalise(text) {
  return text.split(root + '/').join('').replace(/\(node:\d+\)/g, '(node:PID)');
}

// The environment a scenario runs with: PATH and HOME only, plus its `@env` variables.
export function scenarioEnv(env) {
  return { PATH: process.env.PATH, HOME: process.env.HOME || '/root', ...env };
}
