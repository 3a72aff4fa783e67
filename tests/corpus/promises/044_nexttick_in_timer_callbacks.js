// Nested timers scheduled from timers run in a later round; ticks and promises run in between.
const log = (s) => console.log(s);
setTimeout(() => {
  log('outer timer 1');
  setTimeout(() => log('inner timer from 1'), 0);
  process.nextTick(() => log('tick from 1'));
}, 0);
setTimeout(() => {
  log('outer timer 2');
  Promise.resolve().then(() => {
    log('promise from 2');
    process.nextTick(() => log('tick from promise from 2'));
  });
}, 0);
process.nextTick(() => log('main tick'));
log('sync end');
