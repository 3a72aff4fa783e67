// @title  setTimeout 0 vs setImmediate inside an immediate
// @lesson After the check phase come the close and timers phases; the new 1 ms timer fires there only
// @lesson if a millisecond has passed, otherwise the next check phase runs the nested immediate first.
// @nondeterministic whether one millisecond passes between creating the timer and the next timers phase
// @runs   50
setImmediate(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});
