// @title  100 k setTimeout(fn, 0)
// @lesson All 100 000 timers share the 1 ms list, and each runs in the timers phase
// @lesson in the order it was created.
// @runs   1
// @callbacks 100000
const N = 100000;
let fired = 0;
let order = 0;
function make(i) {
  return () => {
    if (i === fired) order++;
    fired++;
    if (fired === N) console.log('timeouts', fired, 'in order', order);
  };
}
for (let i = 0; i < N; i++) setTimeout(make(i), 0);
