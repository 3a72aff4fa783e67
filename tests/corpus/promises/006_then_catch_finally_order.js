// then, catch and finally each take a tick; skipped handlers still pass the value along.
const log = (s) => console.log(s);
Promise.reject(new Error('no'))
  .then(() => log('A then (skipped)'))
  .catch((e) => log('A catch ' + e.message))
  .finally(() => log('A finally'))
  .then(() => log('A then after finally'));
Promise.resolve('yes')
  .catch(() => log('B catch (skipped)'))
  .then((v) => log('B then ' + v))
  .finally(() => log('B finally'));
Promise.resolve()
  .then(() => log('C1'))
  .then(() => log('C2'))
  .then(() => log('C3'))
  .then(() => log('C4'))
  .then(() => log('C5'))
  .then(() => log('C6'));
