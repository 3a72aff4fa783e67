// @title  The promise executor runs synchronously
// @lesson new Promise calls its executor immediately, before the constructor returns; only the
// @lesson .then callback is deferred to the microtask queue.
// @runs   50
console.log('before new Promise');
const p = new Promise((resolve) => {
  console.log('inside the executor');
  resolve('value');
  console.log('still inside the executor after resolve');
});
p.then((v) => console.log(`then got ${v}`));
console.log('after new Promise');
