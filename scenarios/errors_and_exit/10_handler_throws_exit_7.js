// @title  An 'uncaughtException' handler that throws ends with status 7
// @lesson If the handler itself throws, Node gives up: it prints the handler's error and exits with
// @lesson the special status 7.
// @runs   50
process.on('uncaughtException', (err) => {
  console.log(`handler got: ${err.message}`);
  throw new Error('the handler failed too');
});

setTimeout(() => {
  throw new Error('first failure');
}, 0);
