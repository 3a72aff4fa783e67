// @title  An 'error' event with no listener throws
// @lesson 'error' is special: emitting it with no listener throws the error from emit itself, so it
// @lesson can be caught with try/catch; with a listener it is an ordinary event.
// @runs   50
const EventEmitter = require('events');

const e = new EventEmitter();
try {
  e.emit('error', new Error('nobody is listening'));
} catch (err) {
  console.log(`emit threw: ${err.message}`);
}

e.on('error', (err) => console.log(`error listener got: ${err.message}`));
e.emit('error', new Error('now somebody is'));
console.log('still running');
