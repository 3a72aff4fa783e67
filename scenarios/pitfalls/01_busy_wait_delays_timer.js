// @title  Blocking the loop delays a timer
// @lesson A 10 ms timer cannot fire while the main thread is busy: a 100 ms busy-wait holds the whole
// @lesson loop, so the timer runs at least 100 ms late.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

const start = Date.now();
setTimeout(() => {
  const elapsed = Date.now() - start;
  console.log(`10 ms timer fired; waited at least 100 ms: ${elapsed >= 100}`);
}, 10);

console.log('blocking for 100 ms');
block(100);
console.log('done blocking');
