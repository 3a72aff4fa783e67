// @title  Measuring a blocked event loop with eventLoopUtilization
// @lesson performance.eventLoopUtilization() splits the time since the loop started into idle
// @lesson (blocked in the poll phase, waiting for the next timer or I/O) and active (running
// @lesson callbacks, and node's own start-up). A loop that waits for a timer is mostly idle; a
// @lesson busy-wait inside a callback makes it all active, and a timer due meanwhile runs only
// @lesson after it.
// @runs   20
const { performance } = require('perf_hooks');

function describe(label, elu) {
  const share = elu.utilization;
  const verdict = share < 0.5 ? 'mostly idle' : share > 0.9 ? 'saturated' : 'partly busy';
  console.log(`${label}: ${verdict}`);
}

console.log('before the loop starts:', performance.eventLoopUtilization());

setTimeout(() => {
  const quiet = performance.eventLoopUtilization();
  describe('first 50 ms, waiting for this timer', quiet);

  const setAt = performance.now();
  setTimeout(() => {
    const late = performance.now() - setAt - 10;
    console.log(`the 10 ms timer ran ${late > 40 ? 'more than 40 ms' : 'less than 40 ms'} late`);
    describe('since the first 50 ms, busy-wait included', performance.eventLoopUtilization(quiet));
  }, 10);

  const start = Date.now();
  while (Date.now() - start < 60) {} // blocks the loop: the 10 ms timer cannot run
  const blocked = performance.eventLoopUtilization(quiet);
  describe('the next 60 ms, a busy-wait', blocked);
  console.log(`idle time during the busy-wait: ${blocked.idle} ms`);
}, 50);
