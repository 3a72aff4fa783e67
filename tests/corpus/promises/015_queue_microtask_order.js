// queueMicrotask shares the FIFO microtask queue with promise reactions.
const log = (s) => console.log(s);
queueMicrotask(() => log('qm 1'));
Promise.resolve().then(() => log('then 1'));
queueMicrotask(() => {
  log('qm 2');
  queueMicrotask(() => log('qm 2 nested'));
  Promise.resolve().then(() => log('then nested in qm 2'));
});
Promise.resolve()
  .then(() => log('then 2'))
  .then(() => log('then 2 chained'));
queueMicrotask(() => log('qm 3'));
log('sync end');
