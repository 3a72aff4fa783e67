// @title  An unref'd timer that falls due during the last loop iteration
// @lesson Node 20 (libuv 1.45+) runs the timers phase at the end of each iteration, before the
// @lesson loop checks whether anything keeps it alive: the 3 ms unref'd timer, due after the
// @lesson 10 ms immediate, still fires. Node 18 (libuv 1.44) checks liveness first and exits.
// @runs   20
// @nondeterministic real node occasionally starts so slowly that the timer is due before the loop starts
setTimeout(() => console.log('unref timer ran'), 3).unref();
setImmediate(() => {
  const end = Date.now() + 10;
  while (Date.now() < end) {}
  console.log('immediate');
});
