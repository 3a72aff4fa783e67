// @title  setTimeout 0 vs setImmediate in an ES module: no race
// @lesson The loader reads a module's source through the thread pool, so the body runs in the
// @lesson poll phase of a loop that is already turning: the check phase comes next, and the
// @lesson immediate always runs before the timer.
// @runs   50
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
console.log('module body done');
