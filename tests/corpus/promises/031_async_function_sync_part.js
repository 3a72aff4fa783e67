// An async function runs synchronously until its first await.
const log = (s) => console.log(s);
async function worker(name, steps) {
  log(`${name} begins`);
  for (let i = 1; i <= steps; i++) {
    await i;
    log(`${name} step ${i}`);
  }
  log(`${name} finished`);
  return steps;
}
async function noAwait() {
  log('noAwait body runs fully');
  return 'done';
}
const a = worker('A', 3);
log('after calling A');
const b = worker('B', 1);
log('after calling B');
noAwait().then((v) => log('noAwait resolved ' + v));
Promise.all([a, b]).then((v) => log('both: ' + v));
log('sync end');
