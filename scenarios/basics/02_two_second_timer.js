// @title  A 2-second timer runs after all synchronous code
// @lesson setTimeout only registers a timer and returns; 'start' and 'end' print at once, and the
// @lesson callback waits in the timers queue until the timers phase finds 2000 ms have passed.
// @runs   50
console.log('start');

setTimeout(() => {
  console.log('Executed after 2 seconds');
}, 2000);

console.log('end');
