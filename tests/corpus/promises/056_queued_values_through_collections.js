// Queued ticks (with and without arguments), promise jobs, microtasks, immediates and awaits hold values nothing else reaches.
const log = (...a) => console.log(a.join(' '));
function churn() { let keep = []; for (let i = 0; i < 200; i++) keep.push({ i }); return keep.length; }
for (let i = 0; i < 3; i++) {
  process.nextTick((o, s) => log('tick', o.n, s.repeat(2)), { n: i }, 'ab' + i);
  process.nextTick(() => log('tick-noargs', i));
  Promise.resolve({ v: i * 10 }).then((x) => log('then', x.v));
  queueMicrotask(() => log('microtask', [i, i + 1].join('+')));
  setImmediate((o) => log('immediate', o.k), { k: 'im' + i });
}
(async () => {
  for (let j = 0; j < 3; j++) {
    const box = await new Promise((r) => setImmediate(() => r({ j })));
    churn();
    log('await', box.j);
  }
})();
log('main', churn());
