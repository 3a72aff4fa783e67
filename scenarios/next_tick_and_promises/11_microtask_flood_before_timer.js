// @title  A long promise chain finishes before a due timer
// @lesson A microtask queue that keeps refilling itself is drained to the end before the loop moves
// @lesson on: the 1000-step chain completes before the 0 ms timer gets to run.
// @runs   50
setTimeout(() => console.log('timer ran'), 0);

let steps = 0;
function step() {
  steps++;
  if (steps < 1000) return Promise.resolve().then(step);
  console.log(`chain finished after ${steps} steps`);
}
Promise.resolve().then(step);
