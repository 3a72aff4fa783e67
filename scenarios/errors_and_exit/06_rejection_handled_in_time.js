// @title  A rejection handled within the same drain is fine
// @lesson Node judges rejections only after the nextTick and microtask queues are drained; a .catch
// @lesson attached from a nextTick is in time, so there is no crash.
// @runs   50
const p = Promise.reject(new Error('handled just in time'));

process.nextTick(() => {
  p.catch((err) => console.log(`caught: ${err.message}`));
});

setTimeout(() => console.log('timer runs: no crash'), 0);
