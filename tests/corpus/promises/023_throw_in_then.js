// A throw inside then rejects the derived promise; the next rejection handler sees it.
const log = (s) => console.log(s);
Promise.resolve(1)
  .then((v) => {
    log('got ' + v);
    throw new RangeError('from then');
  })
  .then(
    () => log('not called'),
    (e) => {
      log('onRejected: ' + e.name + ' ' + e.message);
      return 'back on track';
    }
  )
  .then((v) => log('then: ' + v));
Promise.resolve()
  .then(() => undefinedFunction())
  .catch((e) => log(e.name + ': ' + e.message));
Promise.resolve({})
  .then((o) => o.a.b)
  .catch((e) => log(e.message));
