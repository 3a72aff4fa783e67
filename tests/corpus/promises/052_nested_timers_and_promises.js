// A chain of timers, each resolving a promise that schedules the next timer.
const log = (s) => console.log(s);
let round = 0;
function next() {
  round++;
  if (round > 3) {
    log('all rounds done');
    return;
  }
  setTimeout(() => {
    log('timer round ' + round);
    Promise.resolve(round)
      .then((r) => log('promise after round ' + r))
      .then(next);
    process.nextTick(() => log('tick in round ' + round));
  }, 0);
}
next();
log('sync end');
