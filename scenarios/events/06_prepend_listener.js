// @title  prependListener jumps the queue
// @lesson prependListener and prependOnceListener put a listener at the front of the list, so it
// @lesson runs before listeners that were added earlier.
// @runs   50
const EventEmitter = require('events');

const e = new EventEmitter();
e.on('go', () => console.log('added first with on'));
e.prependListener('go', () => console.log('prepended'));
e.prependOnceListener('go', () => console.log('prepended once'));

e.emit('go');
console.log('--');
e.emit('go');
