// @title  Timers are a minimum, not a promise
// @lesson A timer's delay is only the earliest it may run; the loop checks timers between phases, so
// @lesson a 10 ms timer set before three 20 ms chunks of work in the check phase runs 60 ms late.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

let start = 0;
for (let i = 1; i <= 3; i++) {
  setImmediate(() => {
    if (i === 1) {
      start = Date.now();
      setTimeout(() => {
        const elapsed = Date.now() - start;
        console.log(`10 ms timer: on time? ${elapsed < 20}; at least 60 ms late? ${elapsed >= 60}`);
      }, 10);
    }
    block(20);
    console.log(`chunk ${i} done`);
  });
}
