// @title  An unref'd timer still fires while other work keeps the loop alive
// @lesson unref() only stops the timer from keeping the loop alive; a chain of immediates lasting
// @lesson 60 ms keeps the loop running, so the 20 ms unref'd timer still fires during it.
// @runs   50
const start = Date.now();
let timerFired = false;

setTimeout(() => {
  timerFired = true;
  console.log('unref timer fired');
}, 20).unref();

function spin() {
  if (Date.now() - start < 60) {
    setImmediate(spin);
  } else {
    console.log(`immediates done, timer fired: ${timerFired}`);
  }
}
setImmediate(spin);
