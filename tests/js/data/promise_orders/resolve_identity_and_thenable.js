// Promise.resolve(p) returns p itself for a native promise; a non-promise thenable has
// its `then` called from a PromiseResolveThenableJob, one job later.
const p = Promise.resolve(1);
console.log('same:' + (Promise.resolve(p) === p));
const thenable = {
  then(onFulfilled) {
    console.log('then called');
    onFulfilled('t');
  },
};
Promise.resolve(thenable).then((v) => console.log('thenable:' + v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));
