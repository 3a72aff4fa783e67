// A catch that returns a value recovers the chain; one that throws keeps it rejected.
const log = (s) => console.log(s);
Promise.reject(new Error('first'))
  .catch((e) => {
    log('caught ' + e.message);
    return 'recovered';
  })
  .then((v) => log('then got ' + v))
  .then(() => {
    throw new Error('second');
  })
  .then(() => log('skipped'))
  .catch((e) => {
    log('caught ' + e.message);
    throw new TypeError('third');
  })
  .catch((e) => log('caught ' + e.name + ' ' + e.message))
  .then((v) => log('end value ' + v));
Promise.reject('raw string').then(null, (r) => log('second argument handler ' + r));
