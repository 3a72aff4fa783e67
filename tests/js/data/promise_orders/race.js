// Promise.race settles with whichever reaction job runs first, not with the first input
// that settles in source order.
let resolveA;
const a = new Promise((resolve) => {
  resolveA = resolve;
});
Promise.race([a, Promise.resolve('b'), 'c']).then((v) => console.log('race:' + v));
Promise.race([Promise.reject('r1'), 'c']).catch((e) => console.log('race-rejected:' + e));
resolveA('a');
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));
