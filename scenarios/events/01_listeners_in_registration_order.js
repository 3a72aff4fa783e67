// @title  Listeners run in the order they were added
// @lesson emit calls every listener for the event one after another, in registration order, passing
// @lesson along the emit arguments.
// @runs   50
const EventEmitter = require('events');

const door = new EventEmitter();
door.on('open', (who) => console.log(`listener 1: ${who} opened the door`));
door.on('open', (who) => console.log(`listener 2: hello, ${who}`));
door.on('close', () => console.log('close listener (not called)'));

door.emit('open', 'Ada');
console.log(`open has ${door.listenerCount('open')} listeners`);
