// An uncaught Error ends the program with exit code 1 and node's report on stderr.
console.log('before the throw');
function explode(reason) {
  throw new Error('boom: ' + reason);
}
try {
  explode('caught the first time');
} catch (e) {
  console.log('caught:', e.message);
}
console.log('still running');
explode('uncaught');
console.log('never printed');
