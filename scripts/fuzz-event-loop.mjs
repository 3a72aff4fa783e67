#!/usr/bin/env node
// Writes random event-loop programs and checks loopsim against real node on each of them.
//
//   node scripts/fuzz-event-loop.mjs [--seed N] [--count N] [--runs N] [--out DIR]
//                                    [--loopsim PATH] [--features LIST] [--delays LIST]
//                                    [--no-shrink] [--keep]
//
// Each program is a tree of callbacks: process.nextTick, promise reactions, queueMicrotask,
// setImmediate, setTimeout and setInterval (with clearTimeout/clearInterval/clearImmediate of
// handles made elsewhere), async functions awaiting values, promises and thenables, promises
// resolved by the loop, busy-waits that hold the loop, and fs.readFile. Every callback prints
// its own label first, so the output is the order the callbacks ran in. Programs are plain
// JavaScript: node runs them unchanged.
//
// The check is `loopsim conform` on the folder: node runs each program --runs times, and every
// output node prints must be one that `loopsim explore` allows (docs/explore.md). A program
// where node printed something explore cannot produce is a model bug. Unless --no-shrink is
// given, each such program is then shrunk: callbacks are removed one at a time, and a removal
// is kept while node still prints an output explore does not allow. The smallest program is
// printed and written next to the original as `<name>.min.js`.
//
// The same --seed and --count always write the same programs (a seeded generator, no clock).
// --features chooses the callback kinds (comma-separated names from FEATURES below; by default
// all but fs.readFile), e.g. --features tick,promise,immediate for programs with no timing
// race. --delays sets the timer delays to pick from (default 0,1: longer ones race each other
// within a few milliseconds, which explore models only in part).
//
// Exit status: 0 no model bug, 1 a model bug (or conform could not run), 2 usage error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Callback kinds, with the weight each gets when all are on.
const FEATURES = {
  tick: 6,
  promise: 6,
  microtask: 3,
  chain: 3,
  immediate: 6,
  timeout: 6,
  interval: 2,
  clear: 2,
  async: 5,
  resolveLater: 3,
  busy: 1,
  readFile: 2,
};

// Off unless named in --features: explore's model of the thread pool's timing is coarser than
// its model of the loop (docs/explore.md, "Random programs").
const IO_FEATURES = ['readFile'];

// The first letter of each callback's label says its kind.
const PREFIX = {
  tick: 'k',
  promise: 'p',
  microtask: 'm',
  chain: 'c',
  immediate: 'i',
  timeout: 't',
  interval: 'v',
  async: 'a',
  resolveLater: 'r',
  busy: 'b',
  readFile: 'f',
};

function usage(message) {
  if (message) console.error(`fuzz-event-loop: ${message}`);
  console.error(
    'usage: node scripts/fuzz-event-loop.mjs [--seed N] [--count N] [--runs N] [--out DIR]\n' +
      '                                        [--loopsim PATH] [--features LIST] [--delays LIST]\n' +
      '                                        [--no-shrink] [--keep]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    seed: 1,
    count: 50,
    runs: 5,
    out: null,
    loopsim: path.join(root, 'build/release/loopsim'),
    features: Object.keys(FEATURES).filter((f) => !IO_FEATURES.includes(f)),
    shrink: true,
    keep: false,
    delays: [0, 1],
  };
  const wholeNumber = (name, text, min) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) usage(`${name} takes a whole number >= ${min}, not '${text}'`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--seed') options.seed = wholeNumber(a, value(), 0);
    else if (a === '--count') options.count = wholeNumber(a, value(), 1);
    else if (a === '--runs') options.runs = wholeNumber(a, value(), 1);
    else if (a === '--out') options.out = path.resolve(value());
    else if (a === '--loopsim') options.loopsim = path.resolve(value());
    else if (a === '--features') {
      options.features = value().split(',').filter(Boolean);
      for (const f of options.features)
        if (!(f in FEATURES)) usage(`unknown feature '${f}'; known: ${Object.keys(FEATURES).join(', ')}`);
      if (options.features.length === 0) usage('--features needs at least one name');
    } else if (a === '--delays') {
      options.delays = value().split(',').map((d) => wholeNumber('--delays', d, 0));
    } else if (a === '--no-shrink') options.shrink = false;
    else if (a === '--keep') options.keep = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument '${a}'`);
  }
  return options;
}

// mulberry32: a small seeded generator, so that a seed names the same programs everywhere.
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    below: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

// A program is a list of nodes; a node is { kind, label, children, ...details }. Labels are
// given in generation order and never reused, so a shrunk program keeps the labels it had.
function generate(seed, features, delays) {
  const rng = generator(seed);
  let nextLabel = 1;
  const handles = []; // top-level timers and immediates a later callback may clear
  const weights = features.map((f) => [f, FEATURES[f]]);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const pickKind = () => {
    let r = rng.below(total);
    for (const [f, w] of weights) {
      if (r < w) return f;
      r -= w;
    }
    return weights[0][0];
  };
  const delay = () => rng.pick(delays);

  const node = (depth, topLevel) => {
    let kind = pickKind();
    if (kind === 'clear' && (topLevel || handles.length === 0)) kind = features.includes('tick') ? 'tick' : features[0];
    if (kind === 'clear') return { kind, target: rng.pick(handles), children: [] };
    const n = { kind, label: `${PREFIX[kind]}${nextLabel++}`, children: [] };
    if (kind === 'timeout' || kind === 'interval' || kind === 'resolveLater') n.delay = delay();
    if (kind === 'interval') n.times = 1 + rng.below(3);
    if (kind === 'busy') {
      n.ms = rng.pick([1, 2, 3, 5]);
      return n;
    }
    if (kind === 'resolveLater') n.by = rng.pick(['timeout', 'immediate', 'tick']);
    if (kind === 'async') n.awaits = rng.pick(['null', 'resolved', 'thenable', 'timeout', 'immediate', 'tick']);
    if (kind === 'chain') n.links = 2 + rng.below(2);
    if (topLevel && (kind === 'timeout' || kind === 'interval' || kind === 'immediate') && rng.chance(0.4)) {
      n.handle = `h${n.label}`;
      handles.push(n);
    }
    if (depth < 3) {
      const count = rng.below(depth === 0 ? 3 : 2) + (depth === 0 ? 1 : 0);
      for (let i = 0; i < count; i++) n.children.push(node(depth + 1, false));
    }
    return n;
  };

  const program = [];
  const count = 2 + rng.below(4);
  for (let i = 0; i < count; i++) program.push(node(0, true));
  return program;
}

// Renders a program as JavaScript, indented two spaces per level.
function render(program, title) {
  const lines = [`// ${title}`, '// @runs 5'];
  const needsFs = (nodes) => nodes.some((n) => n.kind === 'readFile' || needsFs(n.children));
  if (needsFs(program)) lines.push("const fs = require('fs');");
  lines.push("console.log('main');");
  const emit = (n, indent) => {
    const pad = '  '.repeat(indent);
    const say = (text) => `console.log(${JSON.stringify(text)});`;
    const body = (extra = []) => {
      const inner = [`${pad}  ${say(n.label)}`, ...extra.map((l) => `${pad}  ${l}`)];
      for (const c of n.children) inner.push(...emit(c, indent + 1));
      return inner;
    };
    const bind = n.handle ? `const ${n.handle} = ` : '';
    switch (n.kind) {
      case 'clear': {
        const t = n.target;
        const fn = t.kind === 'timeout' ? 'clearTimeout' : t.kind === 'interval' ? 'clearInterval' : 'clearImmediate';
        return [`${pad}${fn}(${t.handle});`];
      }
      case 'tick':
        return [`${pad}process.nextTick(() => {`, ...body(), `${pad}});`];
      case 'promise':
        return [`${pad}Promise.resolve().then(() => {`, ...body(), `${pad}});`];
      case 'microtask':
        return [`${pad}queueMicrotask(() => {`, ...body(), `${pad}});`];
      case 'immediate':
        return [`${pad}${bind}setImmediate(() => {`, ...body(), `${pad}});`];
      case 'timeout':
        return [`${pad}${bind}setTimeout(() => {`, ...body(), `${pad}}, ${n.delay});`];
      case 'interval': {
        const counter = `n${n.label}`;
        const handle = n.handle || `h${n.label}`;
        const out = [`${pad}let ${counter} = 0;`, `${pad}const ${handle} = setInterval(() => {`];
        out.push(`${pad}  ${counter}++;`);
        out.push(`${pad}  console.log(${JSON.stringify(n.label)}, ${counter});`);
        out.push(`${pad}  if (${counter} === ${n.times}) clearInterval(${handle});`);
        if (n.children.length) {
          out.push(`${pad}  if (${counter} === 1) {`);
          for (const c of n.children) out.push(...emit(c, indent + 2));
          out.push(`${pad}  }`);
        }
        out.push(`${pad}}, ${n.delay});`);
        return indent === 0 ? out : [`${pad}{`, ...out.map((l) => `  ${l}`), `${pad}}`];
      }
      case 'chain': {
        const out = [`${pad}Promise.resolve()`];
        for (let i = 0; i < n.links; i++) {
          const last = i === n.links - 1;
          out.push(`${pad}  .then(() => {`);
          out.push(`${pad}    ${say(`${n.label}.${i + 1}`)}`);
          if (last) for (const c of n.children) out.push(...emit(c, indent + 2));
          out.push(`${pad}  })${last ? ';' : ''}`);
        }
        return out;
      }
      case 'async': {
        const awaited = {
          null: 'null',
          resolved: 'Promise.resolve()',
          thenable: '{ then(resolve) { resolve(); } }',
          timeout: 'new Promise((resolve) => setTimeout(resolve, 0))',
          immediate: 'new Promise((resolve) => setImmediate(resolve))',
          tick: 'new Promise((resolve) => process.nextTick(resolve))',
        }[n.awaits];
        return [`${pad}(async () => {`, `${pad}  ${say(n.label)}`, `${pad}  await ${awaited};`,
          `${pad}  ${say(`${n.label} resumed`)}`, ...n.children.flatMap((c) => emit(c, indent + 1)), `${pad}})();`];
      }
      case 'resolveLater': {
        const by = { timeout: `setTimeout(resolve, ${n.delay})`, immediate: 'setImmediate(resolve)',
          tick: 'process.nextTick(resolve)' }[n.by];
        return [`${pad}new Promise((resolve) => ${by}).then(() => {`, ...body(), `${pad}});`];
      }
      case 'busy':
        return [`${pad}{`, `${pad}  ${say(n.label)}`, `${pad}  const until = Date.now() + ${n.ms};`,
          `${pad}  while (Date.now() < until);`, `${pad}}`];
      case 'readFile':
        return [`${pad}fs.readFile(__filename, () => {`, ...body(), `${pad}});`];
      default:
        throw new Error(`unknown kind ${n.kind}`);
    }
  };
  for (const n of program) lines.push(...emit(n, 0));
  lines.push("console.log('main end');");
  return lines.join('\n') + '\n';
}

// Runs `loopsim conform` on some files; returns the files it reports as model bugs, or null
// when conform itself failed (its output is printed then).
function conform(options, files, quiet) {
  const r = spawnSync(options.loopsim, ['conform', '--runs', String(options.runs), '--no-order', ...files], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (r.error) {
    console.error(`fuzz-event-loop: cannot run ${options.loopsim}: ${r.error.message}`);
    return null;
  }
  const bugs = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^BUG\s+(\S+)/.exec(line);
    if (m) bugs.push(path.resolve(root, m[1]));
  }
  if (!quiet) process.stdout.write(r.stdout);
  if (r.status !== 0 && bugs.length === 0) {
    if (quiet) process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    console.error(`fuzz-event-loop: loopsim conform exited with ${r.status} and reported no model bug`);
    return null;
  }
  return bugs;
}

// Every way of removing one node (with its children) from a program, largest first.
function removals(program) {
  const out = [];
  const walk = (list, pathTo) => {
    list.forEach((n, i) => {
      out.push([...pathTo, i]);
      walk(n.children, [...pathTo, i, 'children']);
    });
  };
  walk(program, []);
  return out;
}

function without(program, where) {
  const copy = structuredClone(program);
  let list = copy;
  for (let i = 0; i < where.length - 1; i++) list = list[where[i]];
  list.splice(where[where.length - 1], 1);
  return copy;
}

// A clear of a handle whose timer is gone would name an undeclared binding.
function wellFormed(program) {
  const declared = new Set();
  const calls = [];
  const walk = (list) => {
    for (const n of list) {
      if (n.handle) declared.add(n.handle);
      if (n.kind === 'clear') calls.push(n.target.handle);
      walk(n.children);
    }
  };
  walk(program);
  return calls.every((h) => declared.has(h));
}

function shrink(options, program, file) {
  let best = program;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsim-shrink-'));
  const candidateFile = path.join(dir, path.basename(file));
  let changed = true;
  while (changed) {
    changed = false;
    for (const where of removals(best)) {
      const candidate = without(best, where);
      if (candidate.length === 0 || !wellFormed(candidate)) continue;
      fs.writeFileSync(candidateFile, render(candidate, `shrunk from ${path.relative(root, file)}`));
      const bugs = conform(options, [candidateFile], true);
      if (bugs && bugs.length > 0) {
        best = candidate;
        changed = true;
        break;
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return best;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.loopsim)) usage(`no loopsim at ${options.loopsim}; build it first (make demo)`);
  const out = options.out || fs.mkdtempSync(path.join(os.tmpdir(), 'loopsim-fuzz-'));
  fs.mkdirSync(out, { recursive: true });
  const programs = new Map();
  const files = [];
  for (let i = 0; i < options.count; i++) {
    const seed = options.seed + i;
    const program = generate(seed, options.features, options.delays);
    const file = path.join(out, `fuzz_${String(seed).padStart(6, '0')}.js`);
    fs.writeFileSync(file, render(program, `fuzz-event-loop.mjs seed ${seed} (${options.features.join(',')})`));
    programs.set(file, program);
    files.push(file);
  }
  console.log(`wrote ${files.length} programs to ${out} (seeds ${options.seed} to ${options.seed + options.count - 1})`);
  const bugs = conform(options, files, false);
  if (bugs === null) process.exit(1);
  for (const file of bugs) {
    if (!options.shrink) continue;
    const small = shrink(options, programs.get(file), file);
    const minFile = file.replace(/\.js$/, '.min.js');
    fs.writeFileSync(minFile, render(small, `shrunk from ${path.basename(file)}`));
    console.log(`\nmodel bug in ${file}; smallest program that still shows it (${minFile}):\n`);
    process.stdout.write(fs.readFileSync(minFile, 'utf8'));
  }
  console.log(`\nfuzz-event-loop: ${files.length} programs, ${bugs.length} model bug(s)`);
  if (!options.keep && bugs.length === 0 && !options.out) fs.rmSync(out, { recursive: true, force: true });
  process.exit(bugs.length > 0 ? 1 : 0);
}

main();
