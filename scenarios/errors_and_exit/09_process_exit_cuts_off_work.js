// @title  process.exit() inside a callback cuts off pending work
// @lesson process.exit emits 'exit' and ends the process at once: queued ticks, promises, immediates
// @lesson and timers are dropped, and 'beforeExit' is never emitted.
// @runs   50
process.on('beforeExit', () => console.log('beforeExit (never printed)'));
process.on('exit', (code) => console.log(`exit ${code}`));

setTimeout(() => console.log('later timer (never printed)'), 50);

setTimeout(() => {
  console.log('timer calls process.exit(2)');
  process.nextTick(() => console.log('tick (never printed)'));
  Promise.resolve().then(() => console.log('promise (never printed)'));
  setImmediate(() => console.log('immediate (never printed)'));
  process.exit(2);
  console.log('after exit (never printed)');
}, 10);
