// @title  200 k timers with seeded random delays of 1 to 1000 ms
// @lesson A thousand timer lists, one per duration, drive the timers phase for a second of
// @lesson virtual time. The delays come from a small seeded generator, so every run asks the
// @lesson same; the output does not depend on the order timers of one millisecond fire in.
// @runs   1
// @callbacks 200000
const N = 200000;
let seed = 12345;
function random() {
  // 32-bit linear congruential generator (Numerical Recipes constants).
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed;
}
let fired = 0;
let delaySum = 0;
function make(delay) {
  return () => {
    fired++;
    delaySum += delay;
    if (fired === N) console.log('timers', fired, 'delay sum', delaySum);
  };
}
for (let i = 0; i < N; i++) {
  const delay = 1 + (random() % 1000);
  setTimeout(make(delay), delay);
}
