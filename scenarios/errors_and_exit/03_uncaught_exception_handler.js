// @title  process.on('uncaughtException') keeps the process alive
// @lesson With a listener the error is handed to it instead of crashing; the loop carries on, so the
// @lesson later timer still runs and the exit code stays 0.
// @runs   50
process.on('uncaughtException', (err, origin) => {
  console.log(`caught ${err.message} (origin: ${origin})`);
});

setTimeout(() => {
  throw new Error('bad timer');
}, 0);
setTimeout(() => console.log('later timer still runs'), 20);
process.on('exit', (code) => console.log(`exit code ${code}`));
