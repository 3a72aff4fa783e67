// Microtasks and nextTicks queued by one timer callback run before the next timer callback.
const log = (s) => console.log(s);
setTimeout(() => {
  log('timer A');
  Promise.resolve().then(() => log('promise from A'));
  process.nextTick(() => log('nextTick from A'));
}, 0);
setTimeout(() => {
  log('timer B');
  queueMicrotask(() => log('microtask from B'));
}, 0);
setTimeout(() => log('timer C'), 0);
Promise.resolve().then(() => log('promise from main'));
