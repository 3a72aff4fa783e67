// console.log of an Error prints its stack (paths are recorded relative to the repository).
function fail() {
  return new Error('logged, not thrown');
}
const err = fail();
console.log(err);
console.log('message only:', err.message);
const typeErr = new TypeError('bad type');
console.log(typeErr.stack.split('\n')[0]);
console.log(String(typeErr));
try {
  null.prop;
} catch (e) {
  console.log(e.stack.split('\n')[0]);
}
