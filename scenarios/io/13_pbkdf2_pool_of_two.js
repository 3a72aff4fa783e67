// @title  Six pbkdf2 calls on a two-thread pool
// @lesson Two workers take jobs from one FIFO queue: jobs 1 and 2 start at once, and each later job
// @lesson starts only when a thread frees up, so completion order roughly follows pairs but races.
// @nondeterministic two identical jobs running at the same time on two threads finish in either order
// @env    UV_THREADPOOL_SIZE=2
// @runs   50
const crypto = require('crypto');

const done = [];
for (let i = 1; i <= 6; i++) {
  crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', () => done.push(i));
}
process.on('exit', () => console.log(`completion order: ${done.join(', ')}`));
