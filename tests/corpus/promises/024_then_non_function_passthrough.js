// Non-function arguments to then are ignored, so values and rejections pass straight through.
const log = (s) => console.log(s);
Promise.resolve('kept')
  .then(null)
  .then(42)
  .then('string')
  .then((v) => log('value passed through: ' + v));
Promise.reject(new Error('kept reason'))
  .then((v) => v)
  .then(undefined, undefined)
  .catch((e) => log('rejection passed through: ' + e.message));
Promise.resolve(1)
  .then()
  .then((v) => log('empty then: ' + v));
Promise.resolve()
  .then(() => log('m1'))
  .then(() => log('m2'))
  .then(() => log('m3'))
  .then(() => log('m4'));
