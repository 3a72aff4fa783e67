// Promise.resolve(p) returns p itself when p is a native promise; new Promise wraps it.
const p = Promise.resolve(42);
const same = Promise.resolve(p);
const wrapped = new Promise((r) => r(p));
console.log(same === p, wrapped === p);
const thenable = { then: (r) => r('thenable value') };
const fromThenable = Promise.resolve(thenable);
console.log(fromThenable === thenable, fromThenable instanceof Promise);
const order = [];
same.then(() => order.push('same'));
wrapped.then(() => order.push('wrapped'));
fromThenable.then((v) => order.push('fromThenable:' + v));
p.then(() => order.push('p'));
Promise.resolve()
  .then(() => order.push('t1'))
  .then(() => order.push('t2'))
  .then(() => order.push('t3'))
  .then(() => console.log(order.join(' ')));
