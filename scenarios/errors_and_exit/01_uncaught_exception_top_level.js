// @title  An uncaught exception crashes the process with exit code 1
// @lesson A throw nobody catches ends the process: Node prints the source line, the error and its
// @lesson stack to stderr and exits with status 1; the pending timer never runs.
// @runs   50
setTimeout(() => console.log('timer (never printed)'), 0);
console.log('about to throw');
throw new Error('something broke');
