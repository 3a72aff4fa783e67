// Promise.allSettled reports every outcome, in input order.
const results = Promise.allSettled([
  Promise.resolve(1),
  Promise.reject(new Error('bad')),
  'plain',
  new Promise((r) => r(Promise.resolve('nested'))),
  Promise.reject('reason string'),
]);
results.then((rs) => {
  for (const r of rs) {
    if (r.status === 'fulfilled') console.log('fulfilled', r.value);
    else console.log('rejected', r.reason instanceof Error ? r.reason.message : r.reason);
  }
  console.log(rs.map((r) => Object.keys(r).join('+')));
});
Promise.allSettled([]).then((rs) => console.log('empty:', rs));
Promise.allSettled([Promise.resolve('v'), Promise.reject(0)]).then((rs) => console.log(rs));
console.log('sync end');
