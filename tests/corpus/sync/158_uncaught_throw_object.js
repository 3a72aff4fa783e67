// Throwing a plain object uncaught: node inspects it.
console.log('start');
function attempt(n) {
  return n < 3 ? null : 'ok';
}
let last;
for (let i = 1; i <= 2; i++) {
  last = attempt(i);
  console.log('attempt', i, '->', last);
}
const failure = { code: 'E_FAIL', details: { attempts: 2, last: 'timeout' } };
throw failure;
