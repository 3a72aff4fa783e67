// Promise.any takes the first fulfilment; if all reject it rejects with an AggregateError.
const log = (s) => console.log(s);
Promise.any([Promise.reject(new Error('a')), Promise.resolve('b'), Promise.resolve('c')]).then((v) =>
  log('any: ' + v)
);
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]).catch((e) => {
  log(e.name + ': ' + e.message);
  log(e instanceof AggregateError);
  log(e.errors.map((err) => err.message).join(','));
});
Promise.any([]).catch((e) => log('empty any: ' + e.message + ' / errors ' + e.errors.length));
Promise.any(['plain', Promise.reject(new Error('z'))]).then((v) => log('any plain: ' + v));
log('sync end');
