// @title  clearTimeout cancels a timer that has not fired yet
// @lesson Clearing removes the callback from the timers queue; it can even be done by an earlier
// @lesson timer in the same list, just before the cancelled one would have run.
// @runs   50
const never = setTimeout(() => console.log('this never prints'), 50);
clearTimeout(never);

let second = null;
setTimeout(() => {
  console.log('first: cancelling the second');
  clearTimeout(second);
}, 10);
second = setTimeout(() => console.log('second: this never prints either'), 10);
setTimeout(() => console.log('third'), 10);

clearTimeout(undefined); // harmless
console.log('sync done');
