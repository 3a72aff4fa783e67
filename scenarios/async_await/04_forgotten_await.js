// @title  A forgotten await lets the caller run ahead
// @lesson Without await, save() returns a pending promise at once and the caller prints 'done' before
// @lesson the save finishes; with await the caller waits for it.
// @runs   50
const { setTimeout: sleep } = require('timers/promises');

async function save(what) {
  await sleep(10);
  console.log(`saved ${what}`);
}

async function withoutAwait() {
  save('draft');
  console.log('withoutAwait: done');
}

async function withAwait() {
  await save('final');
  console.log('withAwait: done');
}

withoutAwait().then(() => withAwait());
