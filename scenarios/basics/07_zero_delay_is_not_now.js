// @title  A zero delay is not "right now"
// @lesson Even a long chain of nextTicks and promise callbacks runs before a 0 ms timer: both queues
// @lesson are drained completely before the event loop reaches its timers phase.
// @runs   50
setTimeout(() => console.log('timeout 0'), 0);

let p = Promise.resolve();
for (let i = 1; i <= 3; i++) {
  p = p.then(() => console.log(`promise step ${i}`));
}

process.nextTick(() => {
  console.log('tick 1');
  process.nextTick(() => console.log('tick 2 (queued by tick 1)'));
});

console.log('sync');
