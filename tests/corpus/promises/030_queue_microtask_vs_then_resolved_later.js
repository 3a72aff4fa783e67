// Reactions are queued when a promise settles, not when then is called.
const log = (s) => console.log(s);
let resolve;
const p = new Promise((r) => {
  resolve = r;
});
p.then(() => log('then registered first, resolved later'));
queueMicrotask(() => log('microtask 1'));
queueMicrotask(() => {
  log('microtask 2 resolves p');
  resolve();
  queueMicrotask(() => log('microtask queued after resolve'));
});
Promise.resolve().then(() => log('already resolved then'));
log('sync end');
