// @title  Awaiting timers with timers/promises
// @lesson The promise versions of setTimeout and setImmediate resolve from the same timers and check
// @lesson phases; await simply continues the async function in the microtask that follows.
// @runs   50
const timersPromises = require('timers/promises');

async function main() {
  console.log('waiting 20 ms');
  const value = await timersPromises.setTimeout(20, 'timeout value');
  console.log(`got: ${value}`);
  const next = await timersPromises.setImmediate('immediate value');
  console.log(`got: ${next}`);
}

main().then(() => console.log('main finished'));
console.log('main started');
