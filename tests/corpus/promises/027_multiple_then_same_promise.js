// Several handlers on one promise run in registration order, each getting the same value.
const log = (s) => console.log(s);
const p = Promise.resolve('shared');
p.then((v) => log('first ' + v));
p.then((v) => {
  log('second ' + v);
  return 'changed';
}).then((v) => log('second chained ' + v));
p.then((v) => log('third ' + v));
let resolveLater;
const pending = new Promise((r) => {
  resolveLater = r;
});
pending.then((v) => log('pending A ' + v));
pending.then((v) => log('pending B ' + v));
p.then(() => resolveLater('now'));
pending.then((v) => log('pending C ' + v));
log('sync end');
