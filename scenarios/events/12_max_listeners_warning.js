// @title  Too many listeners: a warning, not an error
// @lesson Adding more listeners for one event than getMaxListeners() (10 by default) is usually a
// @lesson leak, so Node prints a MaxListenersExceededWarning, once per event name; the warning is
// @lesson emitted on process.nextTick, so it appears after the synchronous code.
// @runs   50
const EventEmitter = require('events');

const bus = new EventEmitter();
bus.setMaxListeners(3);
for (let i = 1; i <= 5; i++) {
  bus.on('job', () => {});
  console.log(`added listener ${i}`);
}
process.nextTick(() => console.log('first tick (queued before the warning)'));
console.log(`listeners: ${bus.listenerCount('job')}, limit: ${bus.getMaxListeners()}`);
