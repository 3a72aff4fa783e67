#!/usr/bin/env node
// Records a reference trace from real node: the order in which a scenario's callbacks ran
// under `node`, with the async_hooks type of each (Timeout, Immediate, TickObject, PROMISE,
// Microtask, FSREQCALLBACK, PBKDF2REQUEST, ...), interleaved with what the program wrote to
// stdout and stderr, and the process's stdout, stderr and exit code.
//
//   node traces/reference/record-reference.mjs [--out FILE] SCENARIO
//
// The scenario runs as scripts/record-expected.mjs runs it: `node SCENARIO` with the path
// relative to the repository root, from the root, with only PATH, HOME and the file's
// `// @env NAME=VALUE` variables in the environment, and its `// @file` fixtures created for
// the run and removed afterwards. The child node preloads hooks.cjs (`--require`), which
// writes the events to file descriptor 3. The format is described in README.md beside this
// file; `loopsim conform` reads it. Without --out the trace goes to stdout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  normalise as normaliseOutput,
  parseHeader,
  root,
  scenarioEnv,
  withFiles,
} from '../../scripts/scenario-header.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const hooks = path.join(here, 'hooks.cjs');

function usage(msg) {
  if (msg) console.error(`record-reference: ${msg}`);
  console.error('usage: node traces/reference/record-reference.mjs [--out FILE] SCENARIO');
  process.exit(2);
}

const args = process.argv.slice(2);
let out = null;
let scenario = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--out') {
    out = args[++i];
    if (!out) usage('--out needs a file name');
  } else if (a === '--help' || a === '-h') usage();
  else if (a.startsWith('-')) usage(`unknown option '${a}'`);
  else if (scenario) usage('give one scenario');
  else scenario = a;
}
if (!scenario) usage('no SCENARIO given');

// As record-expected.mjs normalises, and without the stack frame async_hooks adds under
// every callback (callbackTrampoline), so a stack trace reads as under plain node.
function normalise(text) {
  return normaliseOutput(text).replace(
    /^ +at (?:process\.)?callbackTrampoline \(node:internal\/async_hooks:\d+:\d+\)\n/gm,
    '',
  );
}

const file = path.resolve(scenario);
const rel = path.relative(root, file);
let source;
try {
  source = fs.readFileSync(file, 'utf8');
} catch (e) {
  usage(`cannot read ${scenario}: ${e.message}`);
}
const h = parseHeader(source);

const r = withFiles(file, h.files, () =>
  spawnSync(process.execPath, ['--require', hooks, rel], {
    cwd: root,
    env: scenarioEnv(h.env),
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 << 20,
  }),
);
if (r.error) {
  console.error(`record-reference: ${rel}: could not run node: ${r.error.message}`);
  process.exit(1);
}

// The hook's lines, in the order they happened, into the trace's events.
const events = [];
const bySeq = new Map();
for (const line of (r.output[3] || '').split('\n')) {
  if (!line) continue;
  let e;
  try {
    e = JSON.parse(line);
  } catch {
    continue; // a line cut short by a process that died mid-write
  }
  if (e.e === 'run') {
    const event = {
      kind: 'callback',
      seq: e.seq,
      async_id: e.id,
      type: e.type,
      trigger_async_id: e.trigger,
      internal: e.internal,
      step: false,
      label: e.label,
      creator: normalise(e.creator),
    };
    bySeq.set(e.seq, event);
    events.push(event);
  } else if (e.e === 'step') {
    const event = bySeq.get(e.seq);
    if (event) {
      event.step = true;
      event.internal = true;
    }
  } else if (e.e === 'write') {
    events.push({ kind: 'write', stream: e.stream, async_id: e.id, text: normalise(e.text) });
  }
}

const exit_code = r.status === null ? 128 + (r.signal ? 9 : 0) : r.status;
const head = {
  format: 'loopsim-node-reference',
  version: 1,
  node: process.version,
  scenario: rel,
  env: h.env,
  exit_code,
  stdout: normalise(r.stdout),
  stderr: normalise(r.stderr),
};
// One event per line, as loopsim writes its traces, so the file reads top to bottom.
const text =
  JSON.stringify(head).slice(0, -1) +
  ',"events":[\n' +
  events.map((e) => JSON.stringify(e)).join(',\n') +
  '\n]}\n';
if (out) fs.writeFileSync(out, text);
else process.stdout.write(text);
