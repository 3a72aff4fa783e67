// @title  Immediates run in the order they were queued
// @lesson setImmediate appends to a single first-in first-out queue that the check phase empties,
// @lesson so the callbacks run in call order, after all synchronous code.
// @runs   50
setImmediate(() => console.log('immediate 1'));
setImmediate(() => console.log('immediate 2'));
setImmediate(() => console.log('immediate 3'));
console.log('sync');
