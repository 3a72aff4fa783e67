// @title  'beforeExit' can revive the loop; 'exit' cannot
// @lesson 'beforeExit' fires when the loop runs out of work; scheduling a timer there starts the loop
// @lesson again, so it fires again later. 'exit' is final: timers scheduled there never run.
// @runs   50
let revivals = 0;

process.on('beforeExit', (code) => {
  console.log(`beforeExit (code ${code}), revivals so far: ${revivals}`);
  if (revivals < 2) {
    revivals++;
    setTimeout(() => console.log(`revived timer ${revivals}`), 0);
  }
});

process.on('exit', (code) => {
  console.log(`exit (code ${code})`);
  setTimeout(() => console.log('never printed'), 0);
});

console.log('main script');
