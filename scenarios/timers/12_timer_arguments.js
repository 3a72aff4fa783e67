// @title  Extra arguments to setTimeout and setInterval
// @lesson Arguments after the delay are stored with the timer and passed to the callback each time
// @lesson it runs.
// @runs   50
setTimeout((greeting, name) => console.log(`${greeting}, ${name}!`), 10, 'Hello', 'timers');

let runs = 0;
const iv = setInterval((label) => {
  runs++;
  console.log(`${label} #${runs}`);
  if (runs === 2) clearInterval(iv);
}, 50, 'interval');
