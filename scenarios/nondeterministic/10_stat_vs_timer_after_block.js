// @title  A pool job finishing while the timer is due
// @lesson After the main thread blocks, the timer is due at once and the stat is finished too; the
// @lesson timers phase runs before poll, so the timer wins, unless the stat took longer than the block.
// @nondeterministic the stat normally completes during the block, but a slow pool thread could miss it
// @runs   50
const fs = require('fs');

function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

fs.stat(__filename, () => console.log('stat'));
setTimeout(() => console.log('timeout'), 0);
block(10);
