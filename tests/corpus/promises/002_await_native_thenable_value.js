// await of a native promise, a thenable and a plain value take different numbers of ticks.
const log = (s) => console.log(s);
async function awaitsValue() {
  await 1;
  log('after await value');
}
async function awaitsNative() {
  await Promise.resolve(1);
  log('after await native promise');
}
async function awaitsThenable() {
  await {
    then(resolve) {
      log('thenable.then called');
      resolve(1);
    },
  };
  log('after await thenable');
}
awaitsThenable();
awaitsNative();
awaitsValue();
Promise.resolve()
  .then(() => log('tick 1'))
  .then(() => log('tick 2'))
  .then(() => log('tick 3'))
  .then(() => log('tick 4'));
log('sync end');
