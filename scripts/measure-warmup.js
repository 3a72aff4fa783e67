#!/usr/bin/env node
// Measures, with real node, what Node spends the first time it does something: the one-time
// costs behind loopsim's warm-up model (model/node/warmup.h, docs/node-model.md, "Warm-up").
// V8 compiles Node's own JavaScript lazily, so the first setTimeout call, the first timers
// phase that runs a callback, the first console.log that formats a number, and the first call
// of every function of the script cost far more than the next ones. It is a tool for
// calibrating loopsim, never part of a run.
//
//   node scripts/measure-warmup.js [--runs N]
//
// Method: N child processes (default 15), each with stdout a pipe as when scenarios are
// recorded, run one probe and report the first and a second occurrence of each thing; the
// table gives the median over the children of (first - second), in microseconds.
// - console.format: console.log('n', 1) after the stream is open, minus console.log('n', 2).
// - console.inspect: then console.log({ a: 1 }), minus console.log({ b: 2 }).
// - setTimeout.call, setImmediate.call, nextTick.call: the first call minus the second.
// - function.call: the first call of 200 tiny functions of the script, minus their second call,
//   per function (V8 compiles each lazily on its first call).
// - ticks.first: from the end of the main script to its first tick, minus from the end of a
//   tick to the next tick of the same drain.
// - immediates.first: from the end of the last microtask after the main script to the first
//   immediate, minus from the end of an immediate to one it queued (the next iteration).
// - timers.first: from the end of an immediate that queued a 1 ms timer and then held the loop
//   for 2 ms to that timer's callback, minus the same a second time.
'use strict';
const { spawnSync } = require('child_process');

if (process.env.LOOPSIM_MEASURE_WARMUP) {
  const h = () => performance.now();
  const r = {};
  const busy = (ms) => {
    const end = Date.now() + ms + 1;
    while (Date.now() < end);
  };
  console.log('stream open');
  let a = h();
  console.log('n', 1);
  let b = h();
  console.log('n', 2);
  r['console.format'] = b - a - (h() - b);
  a = h();
  console.log({ a: 1 });
  b = h();
  console.log({ b: 2 });
  r['console.inspect'] = b - a - (h() - b);
  const timed = (name, call) => {
    const t0 = h();
    call();
    const t1 = h();
    call();
    r[name] = t1 - t0 - (h() - t1);
  };
  timed('setTimeout.call', () => clearTimeout(setTimeout(() => {}, 1e6)));
  timed('setImmediate.call', () => clearImmediate(setImmediate(() => {})));
  // Written out by eval, each arrow is a function of its own that V8 compiles at its first
  // call, as functions written in a script are (new Function would compile eagerly).
  const lazy = [];
  for (let i = 0; i < 200; i++) lazy.push(eval(`(x) => { const y = x * ${i}; return y + ${i}; }`));
  a = h();
  for (const f of lazy) f(1);
  b = h();
  for (const f of lazy) f(2);
  r['function.call'] = (b - a - (h() - b)) / lazy.length;
  let tickFirst = 0;
  const mainEnd = () => {
    const t0 = h();
    process.nextTick(() => {
      tickFirst = h() - t0;
      const t1 = h();
      process.nextTick(() => {
        r['ticks.first'] = tickFirst - (h() - t1);
        queueMicrotask(() => {
          const t3 = h();
          setImmediate(() => {
            const first = h() - t3;
            const t4 = h();
            setImmediate(() => {
              r['immediates.first'] = first - (h() - t4);
              // Two episodes of the same shape: an immediate queues a 1 ms timer and holds
              // the loop for 2 ms; the timer runs at the next iteration's timers phase.
              setTimeout(() => {
                const firstTimer = h() - t5;
                setImmediate(() => {
                  setTimeout(() => {
                    r['timers.first'] = firstTimer - (h() - t6);
                    process.stderr.write(JSON.stringify(r) + '\n');
                  }, 1);
                  busy(2);
                  const t6 = h();
                });
              }, 1);
              busy(2);
              const t5 = h();
            });
          });
        });
      });
    });
  };
  timed('nextTick.call', () => process.nextTick(() => {}));
  mainEnd();
} else {
  const argv = process.argv.slice(2);
  const runs = argv[0] === '--runs' ? Number(argv[1]) : 15;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: node scripts/measure-warmup.js [--runs N]');
    process.exit(2);
  }
  const samples = {};
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [__filename], {
      env: { ...process.env, LOOPSIM_MEASURE_WARMUP: '1' },
      encoding: 'utf8',
    });
    const line = child.stderr.trim().split('\n').pop();
    const r = JSON.parse(line);
    for (const [k, v] of Object.entries(r)) (samples[k] ||= []).push(v * 1000);
  }
  const median = (xs) => {
    const s = [...xs].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  console.log(`node ${process.version}, ${runs} processes, stdout a pipe; microseconds, first minus second`);
  for (const [k, xs] of Object.entries(samples)) {
    const s = [...xs].sort((x, y) => x - y);
    console.log(`${k.padEnd(20)} median ${median(xs).toFixed(1).padStart(7)}   range ${s[0].toFixed(1)} to ${s[s.length - 1].toFixed(1)}`);
  }
}
