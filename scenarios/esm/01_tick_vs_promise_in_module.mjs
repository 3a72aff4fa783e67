// @title  Promises before nextTick at the top level of an ES module
// @lesson An ES module's body runs inside a promise job of Node's module loader, so the
// @lesson microtask queue drains before control gets back to the nextTick queue: promise
// @lesson callbacks run first, the reverse of a CommonJS script.
// @runs   50
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));
queueMicrotask(() => console.log('queueMicrotask'));
console.log('sync');
