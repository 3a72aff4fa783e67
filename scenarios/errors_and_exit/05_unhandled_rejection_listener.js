// @title  process.on('unhandledRejection') takes over
// @lesson With an 'unhandledRejection' listener the rejection is reported to it instead of crashing,
// @lesson and the program continues; attaching a handler later then emits 'rejectionHandled'.
// @runs   50
process.on('unhandledRejection', (reason) => console.log(`unhandledRejection: ${reason.message}`));
process.on('rejectionHandled', () => console.log('rejectionHandled'));

const p = Promise.reject(new Error('late'));

setTimeout(() => {
  p.catch((err) => console.log(`caught later: ${err.message}`));
}, 10);
setTimeout(() => console.log('program went on'), 100);
