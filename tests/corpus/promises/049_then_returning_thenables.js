// Returning a promise or thenable from then adds ticks compared with returning a value.
const log = (s) => console.log(s);
Promise.resolve()
  .then(() => 'value')
  .then((v) => log('A ' + v));
Promise.resolve()
  .then(() => Promise.resolve('promise'))
  .then((v) => log('B ' + v));
Promise.resolve()
  .then(() => ({ then: (r) => r('thenable') }))
  .then((v) => log('C ' + v));
Promise.resolve()
  .then(() => log('t1'))
  .then(() => log('t2'))
  .then(() => log('t3'))
  .then(() => log('t4'))
  .then(() => log('t5'));
