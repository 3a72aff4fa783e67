// finally passes the value (or the reason) through, and takes extra jobs to do it.
Promise.resolve('v')
  .finally(() => console.log('fin'))
  .then((v) => console.log('after:' + v));
Promise.reject('e')
  .finally(() => console.log('fin2'))
  .catch((e) => console.log('caught:' + e));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'))
  .then(() => console.log('t5'));
