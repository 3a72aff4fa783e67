// Promise.all keeps input order, accepts plain values, and resolves after every input.
const log = (s) => console.log(s);
const delayed = (v, ticks) => {
  let p = Promise.resolve(v);
  for (let i = 0; i < ticks; i++) p = p.then((x) => x);
  return p;
};
Promise.all([delayed('slow', 3), 'plain', delayed('fast', 0), 42]).then((vs) => log('all: ' + JSON.stringify(vs)));
Promise.all([]).then((vs) => log('all of empty: ' + JSON.stringify(vs)));
Promise.all([1, { then: (r) => r('thenable') }]).then((vs) => log('with thenable: ' + vs.join(',')));
Promise.all([delayed('x', 1), Promise.reject(new Error('one failed')), delayed('y', 5)]).then(
  () => log('not reached'),
  (e) => log('all rejected: ' + e.message)
);
let t = 0;
const tick = () => {
  log('tick ' + ++t);
  if (t < 6) return Promise.resolve().then(tick);
};
Promise.resolve().then(tick);
