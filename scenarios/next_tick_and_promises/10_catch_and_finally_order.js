// @title  catch and finally are microtasks too
// @lesson A rejected promise's .catch and a .finally each take a turn in the microtask queue, so a
// @lesson parallel chain of plain .then steps interleaves with them.
// @runs   50
Promise.reject(new Error('nope'))
  .catch((err) => console.log(`catch: ${err.message}`))
  .finally(() => console.log('finally'))
  .then(() => console.log('then after finally'));

Promise.resolve()
  .then(() => console.log('other 1'))
  .then(() => console.log('other 2'))
  .then(() => console.log('other 3'))
  .then(() => console.log('other 4'))
  .then(() => console.log('other 5'));
