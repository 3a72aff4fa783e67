// @title  Returning a promise from an async function costs two extra steps
// @lesson An async function that returns a value settles right away; one that returns a promise must
// @lesson adopt it, which takes two more microtask steps, as the counter chain shows.
// @runs   50
async function returnsValue() {
  return 'value';
}
async function returnsPromise() {
  return Promise.resolve('promise');
}

returnsPromise().then(() => console.log('returnsPromise settled'));
returnsValue().then(() => console.log('returnsValue settled'));

Promise.resolve()
  .then(() => console.log('step 1'))
  .then(() => console.log('step 2'))
  .then(() => console.log('step 3'))
  .then(() => console.log('step 4'));
