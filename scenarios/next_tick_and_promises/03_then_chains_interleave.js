// @title  Two promise chains take turns
// @lesson Each .then callback is queued only when the previous step settles, so two chains started
// @lesson together interleave one step at a time in the microtask queue.
// @runs   50
Promise.resolve()
  .then(() => console.log('a1'))
  .then(() => console.log('a2'))
  .then(() => console.log('a3'));

Promise.resolve()
  .then(() => console.log('b1'))
  .then(() => console.log('b2'))
  .then(() => console.log('b3'));
