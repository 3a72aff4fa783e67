// Variant with nextTick, queueMicrotask and a timer mixed in.
console.log('sync');
setTimeout(() => {
  console.log('timeout');
  Promise.resolve().then(() => console.log('promise in timeout'));
  process.nextTick(() => console.log('tick in timeout'));
}, 0);
Promise.resolve().then(() => {
  console.log('promise');
  process.nextTick(() => console.log('tick scheduled by promise'));
});
process.nextTick(() => console.log('nextTick'));
queueMicrotask(() => console.log('microtask'));
(async () => {
  console.log('async body');
  await undefined;
  console.log('after await');
})();
process.nextTick(() => console.log('nextTick 2'));
console.log('sync end');
