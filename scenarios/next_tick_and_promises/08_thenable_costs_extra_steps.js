// @title  Resolving with a promise costs extra microtask steps
// @lesson Resolving a promise with another promise (or thenable) queues a job that calls its then
// @lesson method, and that then queues one more; the counter chain shows how many steps it costs.
// @runs   50
const log = (s) => console.log(s);

new Promise((resolve) => resolve(Promise.resolve('inner'))).then(() => log('resolved with a promise'));
Promise.resolve('plain').then(() => log('resolved with a value'));
const thenable = { then(onOk) { onOk('thenable'); } };
Promise.resolve(thenable).then(() => log('resolved with a thenable'));

Promise.resolve()
  .then(() => log('step 1'))
  .then(() => log('step 2'))
  .then(() => log('step 3'))
  .then(() => log('step 4'));
