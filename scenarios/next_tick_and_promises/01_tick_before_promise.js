// @title  nextTick runs before promise callbacks
// @lesson After the script, Node empties the whole nextTick queue before the microtask queue, even
// @lesson though the promise callback was scheduled first; queueMicrotask shares the promise queue.
// @runs   50
Promise.resolve().then(() => console.log('promise.then'));
queueMicrotask(() => console.log('queueMicrotask'));
process.nextTick(() => console.log('nextTick'));
console.log('sync');
