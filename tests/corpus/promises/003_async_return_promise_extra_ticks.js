// Returning a promise from an async function costs two extra ticks compared with a value.
const log = (s) => console.log(s);
async function returnsValue() {
  return 'value';
}
async function returnsPromise() {
  return Promise.resolve('promise');
}
async function returnsAwaited() {
  return await Promise.resolve('awaited');
}
returnsPromise().then((v) => log('resolved: ' + v));
returnsAwaited().then((v) => log('resolved: ' + v));
returnsValue().then((v) => log('resolved: ' + v));
let tick = 0;
function ticker() {
  tick++;
  log('tick ' + tick);
  if (tick < 5) return Promise.resolve().then(ticker);
}
Promise.resolve().then(ticker);
