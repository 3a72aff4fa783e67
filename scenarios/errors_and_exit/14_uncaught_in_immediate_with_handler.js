// @title  After a handled throw in an immediate, the next immediate still runs
// @lesson When an 'uncaughtException' listener handles a throw from an immediate, the check phase
// @lesson carries on with the remaining immediates in the same iteration.
// @runs   50
process.on('uncaughtException', (err) => console.log(`handled: ${err.message}`));

setImmediate(() => {
  console.log('immediate 1 throws');
  throw new Error('from immediate 1');
});
setImmediate(() => console.log('immediate 2'));
