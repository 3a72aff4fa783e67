// @title  Node's first calls cost time: an interval's second run overtakes an immediate
// @lesson The first setInterval call, tick drain, timers phase, setImmediate call, check phase and
// @lesson console.log of a number each make V8 compile some of Node's own code: together about
// @lesson three milliseconds, in a program whose callbacks would otherwise take microseconds. So
// @lesson the 1 ms interval is due again before 'immediate B' gets its turn, in nearly every run.
// @nondeterministic how long Node's first calls take decides which iteration the second run joins
// @runs   200
console.log('main');
let runs = 0;
const interval = setInterval(() => {
  runs++;
  console.log('interval', runs);
  if (runs === 2) clearInterval(interval);
  if (runs === 1) {
    setImmediate(() => {
      console.log('immediate A');
      setImmediate(() => console.log('immediate B'));
    });
  }
}, 1);
process.nextTick(() => {
  console.log('tick');
  setImmediate(() => console.log('first immediate'));
});
