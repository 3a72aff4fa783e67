// @title  setTimeout 0 vs setImmediate, with microtasks first
// @lesson The nextTick and the promise always come first; after them the 1 ms timer and the immediate
// @lesson race, because the timer is only due at the first timers phase if a millisecond has passed.
// @nondeterministic whether the loop's clock has moved one millisecond past the timer's creation when the first timers phase runs depends on start-up speed
// @runs   50
setImmediate(() => console.log('immediate'));
setTimeout(() => console.log('timeout'), 0);
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));
