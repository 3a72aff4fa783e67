// The executor runs synchronously; a throw from it rejects, unless the promise was
// already resolved; resolving a promise with itself rejects with a TypeError.
new Promise(() => {
  throw 'boom';
}).catch((e) => console.log('caught:' + e));
new Promise((resolve) => {
  console.log('executor');
  resolve('ok');
  throw 'late';
}).then((v) => console.log('kept:' + v));
console.log('sync');
let resolveSelf;
const self = new Promise((resolve) => {
  resolveSelf = resolve;
});
resolveSelf(self);
self.catch((e) => console.log(e.name + ':' + e.message));
