// @title  A throwing listener stops the emit
// @lesson Because emit is an ordinary synchronous call, an exception in a listener propagates out of
// @lesson emit to the caller, and the listeners after it are not called.
// @runs   50
const EventEmitter = require('events');

const e = new EventEmitter();
e.on('save', () => console.log('listener 1'));
e.on('save', () => {
  throw new Error('listener 2 failed');
});
e.on('save', () => console.log('listener 3 (skipped)'));

try {
  e.emit('save');
} catch (err) {
  console.log(`caller caught: ${err.message}`);
}
