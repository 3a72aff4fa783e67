// In a CommonJS main module, the nextTick queue drains before promise microtasks.
const log = (s) => console.log(s);
Promise.resolve().then(() => log('promise 1'));
process.nextTick(() => log('tick 1'));
queueMicrotask(() => log('microtask 1'));
process.nextTick(() => {
  log('tick 2');
  process.nextTick(() => log('tick 2 nested'));
  Promise.resolve().then(() => log('promise from tick 2'));
});
Promise.resolve().then(() => {
  log('promise 2');
  process.nextTick(() => log('tick from promise 2'));
  Promise.resolve().then(() => log('promise from promise 2'));
});
process.nextTick((a, b) => log('tick with args ' + a + ' ' + b), 'x', 'y');
log('sync end');
