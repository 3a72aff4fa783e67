// @title  events.once rejects when 'error' comes first
// @lesson events.once also listens for 'error': if the emitter emits 'error' before the awaited
// @lesson event, the promise rejects (and both listeners are removed), so try/catch around await
// @lesson sees it. The rejection reaches the awaiting function a few microtasks later.
// @runs   50
const { once, EventEmitter } = require('events');

const socket = new EventEmitter();

async function connect() {
  try {
    await once(socket, 'connect');
    console.log('connected (never printed)');
  } catch (err) {
    console.log(`connect failed: ${err.message}`);
    console.log(`listeners left: connect=${socket.listenerCount('connect')} error=${socket.listenerCount('error')}`);
  }
}

connect();
console.log(`waiting: connect=${socket.listenerCount('connect')} error=${socket.listenerCount('error')}`);
setTimeout(() => {
  socket.emit('error', new Error('ECONNREFUSED'));
  Promise.resolve().then(() => console.log('microtask queued after the emit'));
}, 5);
