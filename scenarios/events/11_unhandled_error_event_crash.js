// @title  An unhandled 'error' event crashes the process
// @lesson Emitting 'error' with no listener throws from inside emit; if nothing catches it, it is an
// @lesson uncaught exception: the process prints the error and exits with status 1.
// @runs   50
const EventEmitter = require('events');

const connection = new EventEmitter();
setTimeout(() => console.log('timer (never printed)'), 500);

setImmediate(() => {
  console.log('emitting error');
  connection.emit('error', new Error('connection reset'));
  console.log('after emit (never printed)');
});
