// @title  off (removeListener) detaches a listener
// @lesson Removing needs the same function object that was added; an identical-looking new arrow
// @lesson function is a different listener and removes nothing.
// @runs   50
const EventEmitter = require('events');

const e = new EventEmitter();
function onTick(n) {
  console.log(`onTick ${n}`);
}
e.on('tick', onTick);
e.on('tick', (n) => console.log(`arrow ${n}`));

e.emit('tick', 1);
e.off('tick', onTick);
e.off('tick', (n) => console.log(`arrow ${n}`)); // a different function: no effect
e.emit('tick', 2);
e.removeAllListeners('tick');
console.log(`after removeAllListeners: emit returned ${e.emit('tick', 3)}`);
