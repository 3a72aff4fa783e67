// @title  util.promisify(setTimeout) is timers/promises
// @lesson setTimeout and setImmediate carry a custom promisified form, so util.promisify returns the
// @lesson timers/promises functions: the promise resolves with the value passed, from a real timer
// @lesson or immediate that waits in the same queues as the callback forms.
// @runs   50
const util = require('util');
const timersPromises = require('timers/promises');

const sleep = util.promisify(setTimeout);
const nextTurn = util.promisify(setImmediate);
console.log(`same functions: ${sleep === timersPromises.setTimeout && nextTurn === timersPromises.setImmediate}`);

setTimeout(() => console.log('callback timer, 100 ms'), 100);
sleep(100, 'promise timer, 100 ms').then(console.log);
setImmediate(() => console.log('callback immediate'));
nextTurn('promise immediate').then(console.log);

function legacy(name, callback) {
  setImmediate(() => callback(null, `hello, ${name}`));
}
util.promisify(legacy)('callback API').then(console.log);
