// @runs 50
// @nondeterministic the 3 ms timer is due before the first check phase if start-up takes 3 ms
setTimeout(() => console.log('unref timer ran'), 3).unref();
setImmediate(() => { const t = Date.now(); while (Date.now() - t < 10); console.log('immediate'); });
