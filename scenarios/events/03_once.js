// @title  once listeners run a single time
// @lesson A listener added with once is removed just before it is called, so the second emit only
// @lesson reaches the regular listener.
// @runs   50
const EventEmitter = require('events');

const e = new EventEmitter();
e.once('data', (n) => console.log(`once listener got ${n}`));
e.on('data', (n) => console.log(`on listener got ${n}`));

e.emit('data', 1);
e.emit('data', 2);
console.log(`listeners left: ${e.listenerCount('data')}`);
