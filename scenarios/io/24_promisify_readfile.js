// @title  util.promisify turns a callback API into a promise
// @lesson promisify wraps fs.readFile so it can be awaited; the read still completes in the poll phase
// @lesson and the await resumes right after, in that callback's microtask drain.
// @runs   50
const fs = require('fs');
const util = require('util');

const readFile = util.promisify(fs.readFile);

async function main() {
  const data = await readFile(__filename, 'utf8');
  console.log(`read this scenario, first line starts with: ${data.slice(0, 9)}`);
}

main();
setImmediate(() => console.log('immediate'));
