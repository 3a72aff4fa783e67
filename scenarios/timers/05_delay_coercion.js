// @title  How setTimeout reads odd delays
// @lesson The delay is converted to a number: 0, negative, NaN, non-numeric strings and a missing
// @lesson delay all become 1 ms and share one list in creation order, fractions are cut to whole
// @lesson milliseconds, and a numeric string counts as its number.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

setTimeout(() => console.log("'100' (string)"), '100');
setTimeout(() => console.log('50'), 50);
setTimeout(() => console.log('0'), 0);
setTimeout(() => console.log('-5'), -5);
setTimeout(() => console.log('NaN'), NaN);
setTimeout(() => console.log("'abc' (string)"), 'abc');
setTimeout(() => console.log('1.9'), 1.9);
setTimeout(() => console.log('undefined (no delay)'));

// All timers are due by the time the loop starts.
block(150);
console.log('script done');
