#!/usr/bin/env node
// Measures, with real node, the figures behind loopsim's OS latency model
// (model/io/latency_kinds.def, docs/io.md) on this machine, and prints them as the table's
// entries. It touches the real disk (a temporary folder, removed at the end): it is a tool for
// calibrating loopsim, never part of a run.
//
//   node scripts/measure-io-latency.js [--rounds N]
//
// Method: every figure is the median of many calls, and the smallest median of N rounds
// (default 5), so that other processes on a shared machine inflate it as little as possible.
// - A system call's own time: the *Sync call on the main thread (it includes Node's binding,
//   a microsecond or two).
// - A thread-pool round trip: from an fs.stat call to its callback with the loop idle; it is
//   the worker's wake-up, the stat itself and the loop's wake-up. The two wake-ups are taken
//   as equal halves of what is left after the stat: pool.wake, and the share every pool
//   request's time includes for the loop's wake-up.
// - CPU jobs: pbkdf2Sync / scryptSync / randomBytes per unit of work.
// - main.call: an asynchronous fs.stat call on the main thread while the pool is busy.
// - main.completion: what a 4-step readFile round trip takes beyond its four requests, per step.
// - pool.start: the main thread's time for the first pool request of a process (an fs.stat, a
//   child process each, median of 9): per thread, with 8 threads minus with 1, over 7; the base
//   is what one thread's first request takes beyond that thread, main.call and main.first_call.
// - main.first_completion: in a process whose pool has started, the first readFile round trip
//   minus the second, less main.first_call, over its four completions (median of 9 children).
// - main.first_call: the first call of a function minus its second (V8 compiling Node's code),
//   the median over several fs and crypto functions, each from the fastest of 7 child processes.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const dns = require('dns');
const { spawnSync } = require('child_process');

const argv = process.argv.slice(2);
const rounds = argv[0] === '--rounds' ? Number(argv[1]) : 5;

if (process.env.LOOPSIM_MEASURE_FIRST_CALL) {
  // Child mode: after one fs.stat (the shared paths are warm), the first and the second call
  // of one function; prints the difference.
  const name = process.env.LOOPSIM_MEASURE_FIRST_CALL;
  fs.stat(__filename, () => {});
  const calls = {
    access: () => fs.access(__filename, () => {}),
    open: () => fs.open(__filename, () => {}),
    readdir: () => fs.readdir(__dirname, () => {}),
    readFile: () => fs.readFile(__filename, () => {}),
    lstat: () => fs.lstat(__filename, () => {}),
    randomBytes: () => crypto.randomBytes(8, () => {}),
    pbkdf2: () => crypto.pbkdf2('a', 'b', 1, 8, 'sha256', () => {}),
  };
  const time = () => {
    const t = process.hrtime.bigint();
    calls[name]();
    return Number(process.hrtime.bigint() - t);
  };
  const first = time();
  process.stdout.write(`${first} ${time()}`);
  process.exit(0);
}

if (process.env.LOOPSIM_MEASURE_FIRST_COMPLETION) {
  // Child mode: once a first fs.stat has come back (the pool is started), two readFile round
  // trips in a row; prints the first minus the second. The first runs Node's code for each of
  // readFile's four completions (after open, fstat, read and close) for the first time, and
  // the first call of readFile.
  const h = () => process.hrtime.bigint();
  fs.stat(__filename, () => {
    let t = h();
    fs.readFile(__filename, () => {
      const first = h() - t;
      t = h();
      fs.readFile(__filename, () => {
        const second = h() - t; // before process.stdout, whose getter opens the stream
        process.stdout.write(String(Number(first - second)));
        process.exit(0);
      });
    });
  });
  return;
}

if (process.env.LOOPSIM_MEASURE_FIRST_USE) {
  // Child mode: the main thread's time for the first pool request (threads start here).
  // The elapsed time is taken before process.stdout is touched: its getter opens the stream,
  // which takes longer than what is measured here.
  const t = process.hrtime.bigint();
  fs.stat(__filename, () => {});
  const elapsed = Number(process.hrtime.bigint() - t);
  process.stdout.write(String(elapsed));
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsim-latency-'));
const PATTERN = 'abcdefghijklmnopqrstuvwxyz0123456789\n';
function makeFile(name, size) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, PATTERN.repeat(Math.ceil(size / PATTERN.length)).slice(0, size));
  return p;
}
const small = makeFile('small.txt', 1000);
const big = makeFile('big.txt', 2 * 1024 * 1024);
for (let i = 0; i < 50; i++) makeFile(`entry${i}.txt`, 10);
fs.mkdirSync(path.join(dir, 'empty'));

const now = () => Number(process.hrtime.bigint());
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
function syncCost(fn, n = 1000) {
  const best = [];
  for (let r = 0; r < rounds; r++) {
    const xs = [];
    for (let i = 0; i < n; i++) {
      const t = now();
      fn();
      xs.push(now() - t);
    }
    best.push(median(xs));
  }
  return Math.min(...best);
}
async function roundTrip(start, n = 200) {
  const best = [];
  for (let r = 0; r < rounds; r++) {
    const xs = [];
    for (let i = 0; i < n; i++) {
      const t = now();
      await new Promise((resolve) => start(resolve));
      xs.push(now() - t);
    }
    best.push(median(xs));
  }
  return Math.min(...best);
}

async function main() {
  const fd = fs.openSync(big, 'r');
  const buffer = Buffer.alloc(512 * 1024);
  const sync = {
    open: syncCost(() => fs.closeSync(fs.openSync(small, 'r'))) - syncCost(() => fs.fstatSync(fd)) / 2,
    close: syncCost(() => fs.fstatSync(fd)) / 2,
    fstat: syncCost(() => fs.fstatSync(fd)),
    stat: syncCost(() => fs.statSync(small)),
    access: syncCost(() => fs.accessSync(small)),
    read4k: syncCost(() => fs.readSync(fd, buffer, 0, 4096, 0)),
    read512k: syncCost(() => fs.readSync(fd, buffer, 0, 512 * 1024, 0), 200),
    readdir50: syncCost(() => fs.readdirSync(dir), 300),
    readdir0: syncCost(() => fs.readdirSync(path.join(dir, 'empty')), 300),
    write4k: syncCost(() => fs.writeSync(fs.openSync(path.join(dir, 'w.txt'), 'w'), buffer, 0, 4096), 200),
    mkdirRmdir: syncCost(() => { fs.mkdirSync(path.join(dir, 'm')); fs.rmdirSync(path.join(dir, 'm')); }, 200),
  };
  fs.closeSync(fd);
  const perByte = (sync.read512k - sync.read4k) / (512 * 1024 - 4096);
  const cpu = {
    pbkdf2Sha256PerIteration: syncCost(() => crypto.pbkdf2Sync('secret', 'salt', 10000, 32, 'sha256'), 10) / 10000,
    pbkdf2Sha512PerIteration: syncCost(() => crypto.pbkdf2Sync('secret', 'salt', 10000, 64, 'sha512'), 10) / 10000,
    scryptPerNr: syncCost(() => crypto.scryptSync('secret', 'salt', 32), 5) / (16384 * 8),
    random16: syncCost(() => crypto.randomBytes(16)),
    random64k: syncCost(() => crypto.randomBytes(65536), 200),
  };
  const rt = {
    stat: await roundTrip((done) => fs.stat(small, done)),
    readFileSmall: await roundTrip((done) => fs.readFile(small, done)),
    lookup: await roundTrip((done) => dns.lookup('localhost', done), 100),
  };
  // main.call: submits while the only worker is busy, so no worker competes for the queue.
  crypto.pbkdf2('a', 'b', 3000000, 32, 'sha256', () => {});
  const mainCall = syncCost(() => fs.stat(small, () => {}), 2000);
  const firstUse = (threads) => {
    const xs = [];
    for (let i = 0; i < 9; i++) {
      const r = spawnSync(process.execPath, [__filename], {
        env: { ...process.env, LOOPSIM_MEASURE_FIRST_USE: '1', UV_THREADPOOL_SIZE: String(threads) },
        encoding: 'utf8',
      });
      xs.push(Number(r.stdout));
    }
    return median(xs);
  };
  const firstUse1 = firstUse(1);
  const perThread = Math.max(0, (firstUse(8) - firstUse1) / 7);
  // main.first_call: the median over several functions of (first call - second call).
  const firstCall = median(['access', 'open', 'readdir', 'readFile', 'lstat', 'randomBytes', 'pbkdf2'].map((name) => {
    const firsts = [], seconds = [];
    for (let i = 0; i < 7; i++) {
      const r = spawnSync(process.execPath, [__filename], {
        env: { ...process.env, LOOPSIM_MEASURE_FIRST_CALL: name },
        encoding: 'utf8',
      });
      const [first, second] = r.stdout.split(' ').map(Number);
      firsts.push(first);
      seconds.push(second);
    }
    return Math.min(...firsts) - Math.min(...seconds);
  }));

  // main.first_completion: the median over 9 processes of (first - second readFile round
  // trip), less main.first_call, over readFile's four completions.
  const firstCompletion = (() => {
    const xs = [];
    for (let i = 0; i < 9; i++) {
      const r = spawnSync(process.execPath, [__filename], {
        env: { ...process.env, LOOPSIM_MEASURE_FIRST_COMPLETION: '1' },
        encoding: 'utf8',
      });
      xs.push(Number(r.stdout));
    }
    return Math.max(0, (median(xs) - firstCall) / 4);
  })();

  const wakeup = Math.max(0, (rt.stat - sync.stat) / 2);
  const steps = sync.open + sync.fstat + sync.read4k + sync.close + 4 * 2 * wakeup;
  const completion = Math.max(0, (rt.readFileSmall - steps) / 3);
  const us = (ns) => (ns / 1000).toFixed(1) + ' us';
  const rows = [
    ['fs.open', sync.open + wakeup, 0],
    ['fs.close', sync.close + wakeup, 0],
    ['fs.fstat', sync.fstat + wakeup, 0],
    ['fs.stat', sync.stat + wakeup, 0],
    ['fs.read', sync.read4k - 4096 * perByte + wakeup, perByte * 1000],
    ['fs.write', sync.write4k + wakeup, 0],
    ['fs.access', sync.access + wakeup, 0],
    ['fs.readdir', sync.readdir0 + wakeup, ((sync.readdir50 - sync.readdir0) / fs.readdirSync(dir).length) * 1000],
    ['fs.mkdir', sync.mkdirRmdir / 2 + wakeup, 0],
    ['crypto.pbkdf2', wakeup, cpu.pbkdf2Sha256PerIteration * 1000],
    ['crypto.scrypt', wakeup, cpu.scryptPerNr * 1000],
    ['crypto.randomBytes', cpu.random16 + wakeup, ((cpu.random64k - cpu.random16) / 65520) * 1000],
    ['dns.lookup', rt.lookup - wakeup, 0],
    ['pool.wake', wakeup, 0],
    // What the first request of a process costs beyond a warm one and beyond its function's
    // first call, with one thread, less that thread.
    ['pool.start', Math.max(0, firstUse1 - perThread - firstCall - mainCall), perThread * 1000],
    ['main.call', mainCall, 0],
    ['main.completion', completion, 0],
    ['main.first_call', firstCall, 0],
    ['main.first_completion', firstCompletion, 0],
  ];
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, best of ${rounds} rounds`);
  console.log('key                 base        per unit (ps)');
  for (const [key, base, per] of rows)
    console.log(`${key.padEnd(20)}${us(base).padStart(10)}  ${Math.round(per).toString().padStart(12)}`);
  console.log(`\nround trips: fs.stat ${us(rt.stat)}, fs.readFile of 1000 B ${us(rt.readFileSmall)}, ` +
              `dns.lookup('localhost') ${us(rt.lookup)}`);
  console.log(`pbkdf2 sha512 / sha256 cost per iteration: ${(cpu.pbkdf2Sha512PerIteration / cpu.pbkdf2Sha256PerIteration).toFixed(2)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main();
