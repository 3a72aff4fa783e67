// The executor runs synchronously; only the reactions are deferred.
const log = (s) => console.log(s);
log('before constructor');
const p = new Promise((resolve, reject) => {
  log('inside executor');
  resolve('value');
  log('still inside executor after resolve');
  reject(new Error('ignored: already resolved'));
  resolve('ignored too');
});
log('after constructor');
p.then((v) => log('then: ' + v));
const failing = new Promise(() => {
  throw new Error('executor threw');
});
failing.catch((e) => log('caught: ' + e.message));
const lateThrow = new Promise((resolve) => {
  resolve('resolved first');
  throw new Error('thrown after resolve is ignored');
});
lateThrow.then((v) => log('lateThrow: ' + v));
log('sync end');
