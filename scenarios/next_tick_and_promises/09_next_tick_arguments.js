// @title  process.nextTick passes extra arguments
// @lesson Arguments after the callback are handed to it when it runs; ticks are first-in first-out,
// @lesson and the variable read in the callback has its value at run time, not at queue time.
// @runs   50
let counter = 0;
process.nextTick((a, b) => console.log(`tick 1 got ${a} and ${b}, counter is ${counter}`), 'x', 'y');
process.nextTick((n) => console.log(`tick 2 got ${n}, counter is ${counter}`), 42);
counter = 10;
console.log('sync: counter set to 10');
