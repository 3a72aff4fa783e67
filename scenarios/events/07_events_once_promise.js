// @title  events.once turns an event into a promise
// @lesson events.once returns a promise that resolves with the emit arguments as an array; the code
// @lesson after await resumes as a microtask right after the emitting timer callback.
// @runs   50
const { once, EventEmitter } = require('events');

const server = new EventEmitter();

async function waitForReady() {
  console.log('waiting for ready');
  const [port, host] = await once(server, 'ready');
  console.log(`ready on ${host}:${port}`);
}

waitForReady();
setTimeout(() => {
  console.log('emitting ready');
  server.emit('ready', 8080, 'localhost');
  console.log('emit returned');
}, 10);
