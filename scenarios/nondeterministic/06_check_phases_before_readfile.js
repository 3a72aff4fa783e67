// @title  How many loop iterations a readFile takes
// @lesson A spinning immediate counts check phases until the read completes: never fewer than three
// @lesson (one per pool step), but how many more depends on how quickly the pool responds.
// @nondeterministic the pool threads and the spinning loop run at independent speeds
// @runs   50
const fs = require('fs');

let checks = 0;
let done = false;
fs.readFile(__filename, () => {
  done = true;
  console.log(`read finished after ${checks === 3 ? 'exactly 3' : 'more than 3'} check phases`);
});

function spin() {
  checks++;
  if (!done) setImmediate(spin);
}
setImmediate(spin);
