// @title  Recursive nextTick starves the loop (bounded here)
// @lesson The nextTick queue is drained until empty before the loop may continue, so a tick that keeps
// @lesson queueing ticks holds back timers, immediates and even promises; unbounded, it never ends.
// @runs   50
let ticks = 0;

function again() {
  ticks++;
  if (ticks < 10000) process.nextTick(again);
}

setTimeout(() => console.log(`timer finally ran after ${ticks} ticks`), 0);
setImmediate(() => console.log(`immediate finally ran after ${ticks} ticks`));
Promise.resolve().then(() => console.log(`promise ran after ${ticks} ticks`));
process.nextTick(again);
