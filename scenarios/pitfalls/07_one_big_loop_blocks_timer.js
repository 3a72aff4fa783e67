// @title  The same work in one piece blocks the timer
// @lesson Doing all chunks in a single callback gives the loop no chance to run the due timer; it
// @lesson fires only after the whole job.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

setImmediate(() => {
  setTimeout(() => console.log('timer: finally'), 1);
  for (let chunk = 1; chunk <= 4; chunk++) {
    block(3);
    console.log(`chunk ${chunk} processed`);
  }
});
