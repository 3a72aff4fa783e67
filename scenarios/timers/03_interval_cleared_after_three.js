// @title  setInterval stopped with clearInterval after three runs
// @lesson An interval is re-inserted into the timers queue after each run until clearInterval
// @lesson removes it; once it is gone nothing keeps the loop alive and the process exits.
// @runs   50
let count = 0;
const interval = setInterval(() => {
  count++;
  console.log(`tick ${count}`);
  if (count === 3) {
    clearInterval(interval);
    console.log('interval cleared');
  }
}, 10);

process.on('exit', () => console.log(`exit after ${count} ticks`));
