// @title  An immediate that reschedules itself lets timers in
// @lesson Because each new immediate waits for the next check phase, a self-rescheduling immediate
// @lesson gives the timers phase a turn on every iteration, unlike a recursive nextTick.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

let iteration = 0;
let timerSeenAt = -1;

function again() {
  iteration++;
  if (iteration === 1) {
    setTimeout(() => {
      timerSeenAt = iteration;
      console.log('timer ran between immediates');
    }, 5);
  }
  block(2);
  if (iteration < 20 && timerSeenAt < 0) setImmediate(again);
  else console.log(`immediate chain stopped; timer ran in between: ${timerSeenAt > 0}`);
}
setImmediate(again);
