// @title  A 0 ms timer still waits for a slow script to finish
// @lesson JavaScript is single-threaded: a due timer cannot interrupt running code. The callback
// @lesson waits in the timers queue until the busy loop and the rest of the script are done.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

setTimeout(() => console.log('timer callback'), 0);

console.log('busy for 50 ms...');
block(50);
console.log('script done');
