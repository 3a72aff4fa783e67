// Ticks with arguments, promise jobs, timers and immediates wait in their queues while the
// main script allocates far more than the heap's 4 MB trigger: every value they hold must
// survive the collections that run meanwhile.
const log = (s) => console.log(s);
process.nextTick((a, b) => log(`tick ${a.name} ${b.list.join(',')}`), { name: 'first' }, { list: [1, 2, 3] });
Promise.resolve({ value: 'resolved' }).then((v) => log(`job ${v.value}`));
const later = { text: 'timer' };
setTimeout(() => log(`${later.text} ${[4, 5].map((n) => n * 2).join(',')}`), 0);
setImmediate((o) => log(`immediate ${o.k}`), { k: 'arg' });
function make(i) {
  return () => i;
}
let kept = 0;
for (let i = 0; i < 200000; i++) {
  const garbage = { i, pair: [i, i + 1], fn: make(i) };
  if (garbage.fn() % 50000 === 0) kept++;
}
process.nextTick(() => log(`second tick, ${kept} kept`));
queueMicrotask(() => log('microtask'));
log('main done');
