// @title  emit is synchronous
// @lesson EventEmitter has nothing to do with the event loop: emit runs the listeners immediately,
// @lesson inside the call, before the next statement; only what the listeners schedule is deferred.
// @runs   50
const EventEmitter = require('events');

const bus = new EventEmitter();
bus.on('ping', () => {
  console.log('listener runs');
  setImmediate(() => console.log('immediate scheduled by the listener'));
  process.nextTick(() => console.log('tick scheduled by the listener'));
});

console.log('before emit');
const handled = bus.emit('ping');
console.log(`after emit (emit returned ${handled})`);
console.log(`emit without listeners returns ${bus.emit('nobody-listens')}`);
