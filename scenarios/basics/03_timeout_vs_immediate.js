// @title  setTimeout 0 vs setImmediate at the top level
// @lesson At the top of a script the order is a race: a 0 ms timer (really 1 ms) is only due at the
// @lesson loop's first timers phase if a millisecond has ticked by then; otherwise poll and check run
// @lesson first and the immediate wins.
// @nondeterministic whether one millisecond has passed between creating the timer and the loop's first timers phase depends on machine speed
// @runs   50
console.log('start');

setTimeout(() => {
  console.log('setTimeout');
}, 0);

setImmediate(() => {
  console.log('setImmediate');
});

console.log('end');
