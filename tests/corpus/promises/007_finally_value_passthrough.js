// finally does not see or change the value, unless it throws or returns a rejected promise.
Promise.resolve('kept')
  .finally(() => 'ignored return')
  .then((v) => console.log('1:', v));
Promise.reject(new Error('still rejected'))
  .finally(() => console.log('finally runs for rejection'))
  .catch((e) => console.log('2:', e.message));
Promise.resolve('lost')
  .finally(() => {
    throw new Error('finally threw');
  })
  .then(
    (v) => console.log('3 then:', v),
    (e) => console.log('3 rejected:', e.message)
  );
Promise.resolve('lost too')
  .finally(() => Promise.reject(new Error('finally rejected')))
  .catch((e) => console.log('4:', e.message));
Promise.resolve('waits')
  .finally(() => new Promise((r) => r('finally result ignored')))
  .then((v) => console.log('5:', v));
Promise.resolve().finally((...args) => console.log('finally args length', args.length));
