// @title  Two file reads collected in one poll phase, before an immediate
// @lesson Two readFile calls made together finish each step microseconds apart. The loop, woken
// @lesson by the first read's last step, takes every finished job at once, so the second read's
// @lesson callback often runs right after the first one's, before the immediate that the first
// @lesson one queued; when the second read is a little slower, the check phase comes between.
// @nondeterministic the two reads' last steps finish on two threads within microseconds
// @runs   100
const fs = require('fs');

setImmediate(() => {
  fs.readFile(__filename, () => {
    console.log('first read');
    setImmediate(() => console.log('immediate queued by the first read'));
  });
  fs.readFile(__filename, () => {
    console.log('second read');
  });
});
