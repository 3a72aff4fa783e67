// Async immediately invoked arrows and functions, in sequence with sync code.
const log = (s) => console.log(s);
(async () => {
  log('iife 1 start');
  await null;
  log('iife 1 end');
})();
(async function named() {
  log('iife 2 start');
  await (async () => {
    log('inner iife');
  })();
  log('iife 2 end');
})();
const result = (async () => 'value from iife')();
log('result is a promise: ' + (result instanceof Promise));
result.then((v) => log(v));
log('sync end');
