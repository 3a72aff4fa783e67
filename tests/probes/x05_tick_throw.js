// @runs 50
// @nondeterministic the 0 ms timer is due at the first timers phase only if the error handling took a millisecond
process.on('uncaughtException', (e) => console.log('uncaught', e.message));
process.nextTick(() => { throw new Error('t1'); });
process.nextTick(() => console.log('tick2'));
Promise.resolve().then(() => console.log('micro'));
setImmediate(() => console.log('immediate'));
setTimeout(() => console.log('timeout'), 0);
