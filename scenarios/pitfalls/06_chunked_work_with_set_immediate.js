// @title  Chunked work with setImmediate keeps timers responsive
// @lesson Splitting a long job into pieces scheduled with setImmediate gives the loop a full
// @lesson iteration between pieces, so a timer that becomes due runs in the middle of the job.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

function processChunk(chunk) {
  if (chunk === 1) setTimeout(() => console.log('timer: the loop is still responsive'), 1);
  block(3); // pretend each chunk takes 3 ms of real work
  console.log(`chunk ${chunk} processed`);
  if (chunk < 4) setImmediate(() => processChunk(chunk + 1));
}

setImmediate(() => processChunk(1));
