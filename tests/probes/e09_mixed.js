// @runs 50
// @nondeterministic T1 against I1 is the race of e01
const log = (s) => console.log(s);
setTimeout(() => log('T1'), 0);
setImmediate(() => log('I1'));
process.nextTick(() => {
  log('N1');
  Promise.resolve().then(() => log('P-from-N1'));
  process.nextTick(() => log('N-from-N1'));
});
Promise.resolve().then(() => {
  log('P1');
  process.nextTick(() => log('N-from-P1'));
  Promise.resolve().then(() => log('P-from-P1'));
});
process.nextTick(() => log('N2'));
Promise.resolve().then(() => log('P2'));
log('sync');
