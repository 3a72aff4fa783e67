// @title  An interval and timeouts share the timers queue
// @lesson Every interval run re-queues the interval with a fresh due time; the 50 ms and 150 ms
// @lesson timeouts slot in between interval runs according to their due times.
// @runs   50
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log(`interval run ${n}`);
  if (n === 3) clearInterval(iv);
}, 100);

setTimeout(() => console.log('timeout 50 ms'), 50);
setTimeout(() => console.log('timeout 150 ms'), 150);
