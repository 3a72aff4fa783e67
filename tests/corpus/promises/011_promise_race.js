// Promise.race settles with the first input to settle; plain values win immediately.
const log = (s) => console.log(s);
const after = (v, ticks, reject = false) => {
  let p = Promise.resolve();
  for (let i = 0; i < ticks; i++) p = p.then(() => {});
  return p.then(() => (reject ? Promise.reject(new Error(v)) : v));
};
Promise.race([after('slow', 5), after('fast', 1)]).then((v) => log('race 1: ' + v));
Promise.race([after('slow', 3), 'plain value']).then((v) => log('race 2: ' + v));
Promise.race([after('err', 1, true), after('ok', 4)]).then(
  (v) => log('race 3 fulfilled: ' + v),
  (e) => log('race 3 rejected: ' + e.message)
);
Promise.race([after('a', 2), after('b', 2)]).then((v) => log('race 4 tie: ' + v));
const never = Promise.race([]);
never.then(() => log('never printed'));
log('sync end');
