// A rejection handled later in the same synchronous run, or a few microtasks later, is not reported.
const log = (s) => console.log(s);
const p = Promise.reject(new Error('late handler'));
log('rejected promise created');
for (let i = 0; i < 3; i++) log('sync work ' + i);
p.catch((e) => log('handled: ' + e.message));
const q = Promise.reject(new Error('handled in a microtask'));
Promise.resolve()
  .then(() => log('microtask 1'))
  .then(() => {
    q.catch((e) => log('handled: ' + e.message));
    log('attached handler in microtask 2');
  });
log('sync end');
