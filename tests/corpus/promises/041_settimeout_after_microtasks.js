// A zero-delay timer runs only after every nextTick and microtask has drained.
const log = (s) => console.log(s);
setTimeout(() => log('timeout 1'), 0);
let n = 0;
function chain() {
  n++;
  if (n <= 5) {
    log('microtask ' + n);
    Promise.resolve().then(chain);
  }
}
Promise.resolve().then(chain);
process.nextTick(() => log('nextTick'));
setTimeout(() => log('timeout 2'), 0);
log('sync end');
