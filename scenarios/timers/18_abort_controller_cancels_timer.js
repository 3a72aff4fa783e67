// @title  Cancelling a timers/promises timer with AbortController
// @lesson abort() runs the signal's 'abort' listeners at once, inside the callback that calls
// @lesson it: the timer is cleared there and its promise rejected with an AbortError. The
// @lesson awaiting code hears of it only a few microtasks later, because Node passes that
// @lesson promise through an internal finally() step, so a promise job queued after abort()
// @lesson still runs first.
// @runs   20
const { setTimeout: sleep } = require('timers/promises');

const controller = new AbortController();

async function download() {
  try {
    await sleep(1000, 'done', { signal: controller.signal });
    console.log('download finished');
  } catch (err) {
    console.log(`caught ${err.name} (${err.code}): ${err.message}`);
    console.log(`cause: ${err.cause.name}: ${err.cause.message}`);
  }
}

download();

setTimeout(() => {
  console.log('user pressed cancel');
  controller.abort();
  console.log(`signal.aborted is ${controller.signal.aborted} right after abort()`);
  Promise.resolve().then(() => console.log('a promise job queued after abort()'));
  process.nextTick(() => console.log('a nextTick queued after abort()'));
}, 10);

// Aborting again changes nothing: the reason stays the first one.
setTimeout(() => {
  controller.abort(new Error('second reason'));
  console.log(`reason is still: ${controller.signal.reason.message}`);
}, 20);
