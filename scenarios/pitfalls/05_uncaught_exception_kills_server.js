// @title  One uncaught exception stops all other work
// @lesson A long-running program (here a periodic job) dies entirely when any single callback throws;
// @lesson the remaining runs and the scheduled shutdown never happen.
// @runs   50
function parseInput(text) {
  if (!text.startsWith('{')) throw new Error(`cannot parse '${text}'`);
  return text;
}

const inputs = ['{"a":1}', '{"b":2}', 'not json', '{"c":3}'];
let jobs = 0;
const heartbeat = setInterval(() => {
  const input = inputs[jobs];
  jobs++;
  console.log(`job ${jobs}: parsing ${input}`);
  parseInput(input);
}, 20);

setTimeout(() => {
  clearInterval(heartbeat);
  console.log('clean shutdown (never printed)');
}, 500);
