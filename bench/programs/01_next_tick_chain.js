// @title  1 M chained process.nextTick
// @lesson Each tick queues the next one, so the nextTick queue is drained a million times
// @lesson in one go before the loop even starts.
// @runs   1
// @callbacks 1000000
const N = 1000000;
let n = 0;
function tick() {
  n++;
  if (n < N) process.nextTick(tick);
  else console.log('ticks', n);
}
process.nextTick(tick);
