// @title  A timeout set in a microtask against two rounds of immediates: three orders
// @lesson The timer is due 1 ms after it was set. The loop looks at its timers before its first
// @lesson iteration and again at the end of every iteration, after the check phase, and the
// @lesson loop's millisecond clock can tick before any of those looks. So the timeout runs before
// @lesson the first immediate, between the two, or after both, depending on how fast this machine
// @lesson gets through the first iterations (before both in most runs).
// @nondeterministic the loop's millisecond clock may tick before the first, the second or a later look at the timers
// @runs   200
Promise.resolve().then(() => {
  console.log('microtask');
  setTimeout(() => console.log('timeout'), 0);
});
setImmediate(() => {
  console.log('immediate 1');
  setImmediate(() => console.log('immediate 2'));
});
