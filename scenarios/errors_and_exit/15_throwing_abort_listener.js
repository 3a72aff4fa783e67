// @title  A throwing 'abort' listener crashes the process on the next tick
// @lesson EventTarget does not let one listener's exception stop the others or abort() itself:
// @lesson it re-throws the error from a process.nextTick callback, so abort() returns, the
// @lesson remaining listeners run, and then the process dies with the error as uncaught.
// @runs   20
const controller = new AbortController();

controller.signal.addEventListener('abort', () => {
  throw new Error('cleanup failed');
});
controller.signal.addEventListener('abort', () => console.log('second listener still runs'));

setTimeout(() => {
  controller.abort();
  console.log('abort() returned normally');
  process.nextTick(() => console.log('this tick was queued after the error, so it never runs'));
}, 1);
