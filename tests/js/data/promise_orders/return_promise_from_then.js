// A then-handler that returns a promise delays the derived promise by two extra jobs.
Promise.resolve()
  .then(() => {
    console.log('r0');
    return Promise.resolve('r');
  })
  .then((v) => console.log('got:' + v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'))
  .then(() => console.log('t5'));
