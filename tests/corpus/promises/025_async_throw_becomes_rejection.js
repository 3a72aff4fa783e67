// Throwing in an async function rejects its promise instead of throwing synchronously.
const log = (s) => console.log(s);
async function fails(msg) {
  log('fails: before throw');
  throw new Error(msg);
}
let p;
try {
  p = fails('async error');
  log('no synchronous exception; got ' + typeof p.then);
} catch (e) {
  log('not reached');
}
p.catch((e) => log('caught later: ' + e.message));
async function failsAfterAwait() {
  await null;
  null.prop;
}
failsAfterAwait().catch((e) => log('after await: ' + e.message));
const arrow = async () => {
  throw 'string reason';
};
arrow().then(
  () => log('no'),
  (r) => log('arrow rejected with ' + r)
);
log('sync end');
