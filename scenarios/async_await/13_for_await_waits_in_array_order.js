// @title  for await over an array of promises waits in array order
// @lesson for await takes the promises in the array's order, not in the order they settle: a
// @lesson fast promise behind a slow one waits for it. Each step costs microtask turns of its
// @lesson own (the value is awaited through the async-from-sync iterator, then the step's
// @lesson promise is awaited), so a promise chain running beside the loop gets turns in between.
// @runs   20
const sleep = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

async function inArrayOrder() {
  const started = Date.now();
  const downloads = [sleep(30, 'slow file'), sleep(10, 'fast file')];
  for await (const name of downloads) {
    const at = Date.now() - started >= 25 ? 'after the slow one' : 'early';
    console.log(`${name} handled ${at}`);
  }
}

async function stepsTakeTurns() {
  let turn = 0;
  const other = () =>
    Promise.resolve().then(() => {
      console.log(`  other chain, turn ${++turn}`);
      if (turn < 6) other();
    });
  other();
  for await (const value of [1, Promise.resolve(2), 3]) console.log(`loop value ${value}`);
}

inArrayOrder()
  .then(stepsTakeTurns)
  .then(() => console.log('done'));
