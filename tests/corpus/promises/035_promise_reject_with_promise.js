// Promise.reject does not unwrap: the reason can itself be a promise.
const log = (s) => console.log(s);
const inner = Promise.resolve('inner value');
Promise.reject(inner).catch((reason) => {
  log('reason is the promise itself: ' + (reason === inner));
  return reason;
}).then((v) => log('returning it from catch unwraps it: ' + v));
new Promise((_, reject) => reject(inner)).catch((r) => log('executor reject also keeps it: ' + (r === inner)));
Promise.resolve(Promise.reject(new Error('resolve does not recover'))).catch((e) => log(e.message));
log('sync end');
