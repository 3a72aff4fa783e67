// @title  An immediate queued by an immediate waits for the next loop iteration
// @lesson The check phase only runs the immediates that were queued when it started; one added
// @lesson during the phase waits for the next iteration, after a timer that became due meanwhile.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

setImmediate(() => {
  console.log('A');
  setImmediate(() => console.log('C (queued by A)'));
  setTimeout(() => console.log('timer (created by A)'), 0);
  block(5); // the timer is due before the check phase ends
});
setImmediate(() => console.log('B'));
