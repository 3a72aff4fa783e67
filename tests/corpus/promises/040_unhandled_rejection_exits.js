// An unhandled rejection ends the process with exit code 1 after the microtasks drain.
const log = (s) => console.log(s);
Promise.resolve()
  .then(() => log('microtask 1'))
  .then(() => log('microtask 2'));
async function failLater() {
  await null;
  throw new Error('nobody handles this');
}
failLater();
log('sync end');
