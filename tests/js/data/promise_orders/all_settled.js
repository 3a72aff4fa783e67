// Promise.allSettled reports every outcome, in input order.
Promise.allSettled([Promise.resolve(1), Promise.reject('no'), 3]).then((results) =>
  console.log(
    results.map((r) => r.status + ':' + (r.status === 'fulfilled' ? r.value : r.reason)).join(' ')
  )
);
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));
