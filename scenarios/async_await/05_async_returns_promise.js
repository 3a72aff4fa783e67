// @title  An async function always returns a promise
// @lesson Calling an async function gives a promise right away, even when the body returns a plain
// @lesson value; the value arrives through .then or await in a later microtask.
// @runs   50
async function answer() {
  return 42;
}

const result = answer();
console.log(`typeof result: ${typeof result}`);
console.log(`is a Promise: ${result instanceof Promise}`);
result.then((v) => console.log(`resolved with ${v}`));
console.log('end of script');
