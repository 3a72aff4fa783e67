// @title  A listener added during emit waits for the next emit
// @lesson emit works on a copy of the listener list, so a listener added while emitting is not
// @lesson called for that emit, and one removed while emitting still is.
// @runs   50
const EventEmitter = require('events');

const e = new EventEmitter();
function second() {
  console.log('second listener');
}
e.on('x', () => {
  console.log('first listener: adding a late listener, removing the second');
  e.on('x', () => console.log('late listener'));
  e.off('x', second);
});
e.on('x', second);

console.log('emit 1');
e.emit('x');
console.log('emit 2');
e.emit('x');
