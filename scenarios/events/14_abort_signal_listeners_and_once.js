// @title  AbortSignal listeners, onabort and events.once with a signal
// @lesson An AbortSignal is an EventTarget: abort() calls its 'abort' listeners synchronously,
// @lesson in the order they were added (onabort takes its place when first set), before abort()
// @lesson returns. events.once with the same signal gives up waiting: its promise rejects with
// @lesson an AbortError, seen by the awaiting code in a later microtask.
// @runs   20
const { once, EventEmitter } = require('events');

const controller = new AbortController();
const { signal } = controller;
const server = new EventEmitter();

signal.addEventListener('abort', (event) => {
  console.log(`listener 1: ${event.type} event, signal.aborted = ${signal.aborted}`);
});
signal.onabort = () => console.log('onabort handler');
signal.addEventListener('abort', () => console.log('listener 3 (once)'), { once: true });

async function waitForConnection() {
  try {
    await once(server, 'connection', { signal });
    console.log('connected');
  } catch (err) {
    console.log(`stopped waiting: ${err.name}, cause ${err.cause.name}`);
    console.log(`server has ${server.listenerCount('connection')} 'connection' listeners left`);
  }
}

waitForConnection();

setTimeout(() => {
  console.log('abort() starts');
  controller.abort();
  console.log('abort() returned');
  try {
    signal.throwIfAborted();
  } catch (reason) {
    console.log(`throwIfAborted threw the reason: ${reason === signal.reason}`);
  }
}, 5);

setTimeout(() => console.log('later:', signal), 10);
