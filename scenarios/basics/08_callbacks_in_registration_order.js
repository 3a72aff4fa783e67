// @title  Callbacks of the same kind run in the order they were registered
// @lesson Each queue is first-in first-out: three timers with the same delay fire in creation order,
// @lesson and three immediates run in the order setImmediate was called.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

for (const name of ['a', 'b', 'c']) {
  setTimeout(() => console.log(`timeout ${name}`), 0);
}
for (const name of ['a', 'b', 'c']) {
  setImmediate(() => console.log(`immediate ${name}`));
}

// Make sure all timers are due before the loop starts, so timers come before immediates.
block(5);
