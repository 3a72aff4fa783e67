// @title  fs.promises.readFile vs fs.readFile on four threads
// @lesson With a single thread the read started first always wins; with four threads the two reads run
// @lesson side by side and either can finish first.
// @nondeterministic the two reads' pool steps run on different threads at the same time
// @runs   50
const fs = require('fs');

fs.promises.readFile(__filename).then(() => console.log('fs.promises.readFile'));
fs.readFile(__filename, () => console.log('fs.readFile'));
