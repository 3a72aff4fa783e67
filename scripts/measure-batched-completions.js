#!/usr/bin/env node
// Measures, with real node, how often the loop takes two thread-pool completions in one poll
// phase when the second request was made some microseconds after the first: the window behind
// loopsim's choice point "whether a thread-pool job finished while the loop was waking up for
// another" (model/uv/thread_pool.h, k_pool_wake_window_ns; docs/explore.md).
//
//   node scripts/measure-batched-completions.js [--reps N]
//
// Method: an fs.access, a busy-wait of d microseconds, a second fs.access. The first callback
// sets an immediate; the second callback ran in the same poll phase if the immediate has not
// run yet ("together"), in a later one if it has ("apart"), or before the first ("second
// first"). N rounds (default 40) at each spacing, taking turns, with the pool already warm.
'use strict';
const fs = require('fs');

const argv = process.argv.slice(2);
const reps = argv[0] === '--reps' ? Number(argv[1]) : 40;
const spacings = [0, 10, 20, 40, 80, 160];
const counts = new Map(spacings.map((d) => [d, { together: 0, apart: 0, secondFirst: 0 }]));

function spin(us) {
  const end = process.hrtime.bigint() + BigInt(Math.round(us * 1000));
  while (process.hrtime.bigint() < end);
}

let round = 0;
function next() {
  if (round >= spacings.length * reps) {
    for (const d of spacings) {
      const c = counts.get(d);
      console.log(`${String(d).padStart(4)} us apart: together ${c.together}, apart ${c.apart}, ` +
                  `second first ${c.secondFirst} (of ${reps})`);
    }
    return;
  }
  const d = spacings[round % spacings.length];
  round++;
  let firstRan = false;
  let immediateRan = false;
  let left = 2;
  const done = () => {
    if (--left === 0) setImmediate(next);
  };
  fs.access(__filename, () => {
    firstRan = true;
    setImmediate(() => {
      immediateRan = true;
    });
    done();
  });
  spin(d);
  fs.access(__filename, () => {
    const c = counts.get(d);
    if (!firstRan) c.secondFirst++;
    else if (!immediateRan) c.together++;
    else c.apart++;
    done();
  });
}

// Start the pool and compile the calls first.
fs.access(__filename, () => fs.access(__filename, () => setImmediate(next)));
