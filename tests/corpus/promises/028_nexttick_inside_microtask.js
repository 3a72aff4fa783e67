// A nextTick scheduled from a promise job runs after the whole microtask queue drains.
const log = (s) => console.log(s);
Promise.resolve().then(() => {
  log('p1');
  process.nextTick(() => log('tick from p1'));
});
Promise.resolve().then(() => {
  log('p2');
  Promise.resolve().then(() => {
    log('p2 inner');
    process.nextTick(() => log('tick from p2 inner'));
  });
});
Promise.resolve()
  .then(() => log('p3'))
  .then(() => log('p3 chained'))
  .then(() => log('p3 chained again'));
log('sync end');
