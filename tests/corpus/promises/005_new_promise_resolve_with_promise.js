// Resolving a promise with another promise schedules a thenable job: two extra ticks.
const log = (s) => console.log(s);
const inner = Promise.resolve('inner');
new Promise((resolve) => resolve(inner)).then((v) => log('outer got ' + v));
Promise.resolve('direct').then((v) => log('direct got ' + v));
Promise.resolve()
  .then(() => log('tick 1'))
  .then(() => log('tick 2'))
  .then(() => log('tick 3'));
new Promise((resolve) => resolve(1)).then(() => log('plain resolve'));
log('sync end');
