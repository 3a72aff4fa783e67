#!/usr/bin/env node
// Records what real `node` prints for loopsim scenarios and test programs.
//
//   node scripts/record-expected.mjs [--runs N] [--check] [--quiet] PATH...
//
// PATH is a .js/.mjs file or a folder (searched recursively). For each program it runs real
// `node` N times (default: the file's `// @runs N` header, else 10) from the repository root
// and writes the distinct outcomes (stdout, stderr, exit code, how often each was seen) to a
// sibling `<name>.expect.json`. These files are the only source of expected outputs in
// loopsim: nothing is typed by hand, and loopsim's own output never feeds them.
//
// Header directives read here (comments, so the file stays valid for node):
//   // @runs N          how many times to run node (nondeterministic programs want 50+)
//   // @env NAME=VALUE  an environment variable for the run (repeatable)
//   // @skip-record     not a program to record (e.g. a helper module)
//   // @file NAME SIZE  a file NAME (relative to the program's folder) of SIZE bytes
//                       (e.g. 100B, 64KiB, 2MiB) filled with the repeating 37-byte line
//                       "abcdefghijklmnopqrstuvwxyz0123456789\n"; loopsim's virtual file
//                       system makes the same bytes, and the recorder creates the real file
//                       for node's runs and removes it afterwards
//   // @file NAME "TEXT"  the same with exact contents (a JSON string literal)
//
// Paths: node prints absolute paths in stack traces; the repository root followed by '/' is
// removed from stdout and stderr, so recorded files hold repo-relative paths
// (`scenarios/errors/throw.js:3`), and loopsim's test harness normalises its output the
// same way (docs/scenarios.md).
//
// --check re-runs node and fails (exit 1) if an outcome appears that the file does not
// list; it never writes. CI uses it to re-check recordings when node is present, with
// --skip-nondeterministic (files marked `// @nondeterministic`), since a race can always
// show an order its recorded runs did not.
//
// --print runs node the same way but writes nothing: it prints one JSON line per program,
// the recording it would write plus "file" (its path from the repository root). `loopsim
// conform` reads these lines.
//
// Node prefixes warnings with its process id, `(node:12345)`; the recorder writes
// `(node:PID)` instead, and loopsim prints the same.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { normalise, parseHeader, root, scenarioEnv, withFiles } from './scenario-header.mjs';

function usage(msg) {
  if (msg) console.error(`record-expected: ${msg}`);
  console.error('usage: node scripts/record-expected.mjs [--runs N] [--check | --print] [--skip-nondeterministic] [--quiet] PATH...');
  process.exit(2);
}

const args = process.argv.slice(2);
let runsOverride = null, check = false, print = false, quiet = false, skipNondeterministic = false;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--runs') {
    runsOverride = Number(args[++i]);
    if (!Number.isInteger(runsOverride) || runsOverride < 1) usage('--runs takes a whole number >= 1');
  } else if (a === '--check') check = true;
  else if (a === '--print') print = true;
  else if (a === '--quiet') quiet = true;
  else if (a === '--skip-nondeterministic') skipNondeterministic = true;
  else if (a.startsWith('-')) usage(`unknown option '${a}'`);
  else inputs.push(a);
}
if (inputs.length === 0) usage('no PATH given');

function collect(p, out) {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) collect(path.join(p, name), out);
  } else if (/\.(m?js)$/.test(p) && !p.endsWith('.expect.json')) {
    out.push(path.resolve(p));
  }
  return out;
}

function runOnce(file, env) {
  const rel = path.relative(root, file);
  const r = spawnSync(process.execPath, [rel], {
    cwd: root,
    env: scenarioEnv(env),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
  if (r.error) throw new Error(`${rel}: could not run node: ${r.error.message}`);
  const exit_code = r.status === null ? 128 + (r.signal ? 9 : 0) : r.status;
  return { exit_code, stdout: normalise(r.stdout), stderr: normalise(r.stderr) };
}

const key = (o) => JSON.stringify([o.exit_code, o.stdout, o.stderr]);
const files = inputs.flatMap((p) => collect(p, []));
// NAME.js and NAME.mjs would share NAME.expect.json: refuse rather than overwrite one.
const byExpect = new Map();
for (const file of files) {
  const expectPath = file.replace(/\.m?js$/, '.expect.json');
  if (byExpect.has(expectPath) && byExpect.get(expectPath) !== file)
    usage(`${path.relative(root, byExpect.get(expectPath))} and ${path.relative(root, file)} would share ` +
      `${path.relative(root, expectPath)}; rename one of them`);
  byExpect.set(expectPath, file);
}
let failures = 0;
for (const file of files) {
  const source = fs.readFileSync(file, 'utf8');
  const h = parseHeader(source);
  if (h.skip || (skipNondeterministic && h.nondeterministic)) continue;
  const runs = runsOverride ?? h.runs ?? 10;
  const seen = new Map();
  withFiles(file, h.files, () => {
    for (let i = 0; i < runs; i++) {
      const o = runOnce(file, h.env);
      const k = key(o);
      if (seen.has(k)) seen.get(k).count++;
      else seen.set(k, { count: 1, ...o });
    }
  });
  const outcomes = [...seen.values()].sort((a, b) => b.count - a.count || (key(a) < key(b) ? -1 : 1));
  const expectPath = file.replace(/\.m?js$/, '.expect.json');
  const rel = path.relative(root, file);
  if (check) {
    let recorded;
    try {
      recorded = JSON.parse(fs.readFileSync(expectPath, 'utf8'));
    } catch (e) {
      console.error(`${rel}: no readable ${path.basename(expectPath)} (${e.message})`);
      failures++;
      continue;
    }
    const known = new Set(recorded.outcomes.map(key));
    const novel = outcomes.filter((o) => !known.has(key(o)));
    if (novel.length) {
      failures++;
      console.error(`${rel}: node printed an outcome the recording does not list:\n` +
        JSON.stringify(novel[0], null, 2));
    } else if (!quiet) console.log(`ok ${rel}`);
    continue;
  }
  const doc = {
    node: process.version,
    runs,
    env: h.env,
    outcomes: outcomes.map(({ count, exit_code, stdout, stderr }) => ({ count, exit_code, stdout, stderr })),
  };
  if (print) {
    console.log(JSON.stringify({ file: rel, ...doc }));
    continue;
  }
  fs.writeFileSync(expectPath, JSON.stringify(doc, null, 2) + '\n');
  if (!quiet) console.log(`${rel}: ${outcomes.length} outcome(s) over ${runs} run(s)`);
}
if (check) console.log(`${failures === 0 ? 'all recordings agree with node' : failures + ' recording(s) disagree with node'}`);
process.exit(failures ? 1 : 0);
