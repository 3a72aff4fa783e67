// @title  Six pbkdf2 calls on the default four-thread pool
// @lesson Four jobs start at once and jobs 5 and 6 wait in the queue for a free thread; a waiting job
// @lesson can still finish before a slow running one, so the completion order is a race.
// @nondeterministic jobs running at the same time on different threads finish in whatever order the OS schedules them
// @env    UV_THREADPOOL_SIZE=4
// @runs   50
const crypto = require('crypto');

const done = [];
for (let i = 1; i <= 6; i++) {
  crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', () => done.push(i));
}
process.on('exit', () => console.log(`completion order: ${done.join(', ')}`));
