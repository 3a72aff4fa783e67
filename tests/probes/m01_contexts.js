// @runs 50
// @nondeterministic the timer's place depends on start-up time, the fs callback's on pool latency
const fs = require('fs');
const probe = (label) => { Promise.resolve().then(() => console.log(label + ': promise')); process.nextTick(() => console.log(label + ': nextTick')); };
setTimeout(() => probe('timeout'), 0);
setImmediate(() => probe('immediate'));
fs.stat(__filename, () => probe('fs cb'));
Promise.resolve().then(() => probe('inside-microtask'));
