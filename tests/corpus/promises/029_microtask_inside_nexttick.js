// Promise jobs scheduled from nextTick callbacks wait until the nextTick queue is empty.
const log = (s) => console.log(s);
process.nextTick(() => {
  log('tick 1');
  Promise.resolve().then(() => log('promise from tick 1'));
  process.nextTick(() => log('tick 1 nested'));
});
process.nextTick(() => {
  log('tick 2');
  queueMicrotask(() => {
    log('microtask from tick 2');
    process.nextTick(() => log('tick from microtask'));
    Promise.resolve().then(() => log('promise from microtask'));
  });
});
Promise.resolve().then(() => log('promise from main'));
log('sync end');
