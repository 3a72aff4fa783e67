// @title  Wrapping work in a promise does not make it asynchronous
// @lesson The executor of new Promise runs synchronously, so a heavy loop inside it still blocks the
// @lesson script; only the .then callback is deferred.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

console.log('before');
const p = new Promise((resolve) => {
  block(30); // still on the main thread
  console.log('heavy work inside the executor done');
  resolve('result');
});
console.log('after new Promise (printed after the heavy work)');
p.then((v) => console.log(`then: ${v}`));
