// @title  Two 1 ms timers set one immediate apart, while the first iterations pay for first calls
// @lesson Each setTimeout and setInterval reads the loop's clock when it is called, and every
// @lesson construct used here for the first time costs Node time: compiling the immediate and
// @lesson timer machinery, the first async function, the first await. So the clock can tick
// @lesson between the two timers' starts, and again before a later look at the timers: the
// @lesson timeout then runs one iteration before the interval, with the promise's callbacks
// @lesson between them (59 of node's 200 runs here; four other orders make up the rest).
// @nondeterministic the loop's clock may tick between the two timers' starts and again before a later timers phase
// @runs   200
console.log('main');
setImmediate(() => {
  console.log('immediate 1');
  setTimeout(() => console.log('timeout'), 1);
});
setImmediate(() => {
  console.log('immediate 2');
  let runs = 0;
  const interval = setInterval(() => {
    runs++;
    console.log('interval', runs);
    if (runs === 2) clearInterval(interval);
    if (runs === 1) process.nextTick(() => console.log('tick in interval'));
  }, 0);
  new Promise((resolve) => setImmediate(resolve)).then(() => {
    console.log('promise resolved by an immediate');
    (async () => {
      console.log('async');
      await null;
      console.log('async resumed');
      setImmediate(() => console.log('immediate 3'));
    })();
  });
});
Promise.resolve().then(() => {
  console.log('promise');
  process.nextTick(() => console.log('tick in promise'));
});
console.log('main end');
