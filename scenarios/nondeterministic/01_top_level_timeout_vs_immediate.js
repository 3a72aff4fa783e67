// @title  setTimeout 0 vs setImmediate, with microtasks first
// @lesson The nextTick and the promise always come first; after them the 1 ms timer and the immediate
// @lesson race, because the timer is only due at the first timers phase if a millisecond has passed.
// @lesson Here that millisecond nearly always has passed: the first console.log sets up stdout, which
// @lesson takes longer than that, so node ran the timer first in all 50 recorded runs.
// @nondeterministic whether the loop's clock has moved one millisecond past the timer's creation when the first timers phase runs depends on start-up speed
// @runs   50
setImmediate(() => console.log('immediate'));
setTimeout(() => console.log('timeout'), 0);
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));
