// Promise.any fulfills with the first fulfillment, or rejects with an AggregateError
// listing every reason in input order.
Promise.any([Promise.reject('a'), Promise.reject('b')]).catch((e) =>
  console.log(e.name + ':' + e.message + ':' + e.errors)
);
Promise.any([Promise.reject('a'), Promise.resolve('ok')]).then((v) => console.log('any:' + v));
Promise.any([]).catch((e) => console.log('empty:' + e.name + ':' + e.errors.length));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));
