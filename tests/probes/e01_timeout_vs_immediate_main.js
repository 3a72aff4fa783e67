// @runs 50
// @nondeterministic the 1 ms timer is due at the first timers phase only if a millisecond passed before the loop started
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
