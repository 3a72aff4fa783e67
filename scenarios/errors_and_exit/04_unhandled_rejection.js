// @title  An unhandled rejection crashes the process
// @lesson A rejected promise with no handler by the end of the microtask drain is treated like an
// @lesson uncaught exception: 'exit' fires with code 1, the error is printed, and queued timers never run.
// @runs   50
setTimeout(() => console.log('timer (never printed)'), 0);
process.nextTick(() => console.log('tick runs first'));
process.on('exit', (code) => console.log(`exit ${code}`));

Promise.reject(new Error('nobody caught me'));
console.log('sync end');
