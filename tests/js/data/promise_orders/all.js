// Promise.all keeps input order whatever the settlement order; each resolve element
// function counts only its first call; the first rejection wins.
let resolveA;
const a = new Promise((resolve) => {
  resolveA = resolve;
});
const b = Promise.resolve('b');
const twice = {
  then(onFulfilled) {
    onFulfilled('x');
    onFulfilled('y');
  },
};
Promise.all([a, b, 'c', twice]).then((values) => console.log('all:' + values));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => {
    console.log('t2');
    resolveA('a');
  })
  .then(() => console.log('t3'))
  .then(() => console.log('t4'));
Promise.all([]).then((values) => console.log('empty:' + values));
Promise.all([Promise.reject('no'), a]).catch((e) => console.log('all-rejected:' + e));
