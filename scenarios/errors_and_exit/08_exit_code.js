// @title  process.exitCode sets the status without stopping the program
// @lesson Assigning process.exitCode only changes the final status: the pending timer still runs,
// @lesson and 'beforeExit' and 'exit' receive the code.
// @runs   50
process.exitCode = 3;

setTimeout(() => console.log('timer still runs'), 10);
process.on('beforeExit', (code) => console.log(`beforeExit ${code}`));
process.on('exit', (code) => console.log(`exit ${code}`));
