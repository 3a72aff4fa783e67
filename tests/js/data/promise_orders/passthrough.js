// A missing handler passes the value or the reason on to the derived promise, one job
// per link.
Promise.reject('e')
  .then(() => console.log('never'))
  .then(() => console.log('never2'))
  .catch((e) => console.log('caught:' + e));
Promise.resolve('v')
  .catch(() => console.log('never3'))
  .then((v) => console.log('passed:' + v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));
