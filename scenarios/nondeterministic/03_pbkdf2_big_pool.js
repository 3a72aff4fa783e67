// @title  Four pbkdf2 jobs on an eight-thread pool
// @lesson With more threads than jobs every hash starts at once, so nothing queues and the completion
// @lesson order is decided purely by how the OS schedules the threads.
// @nondeterministic four equal jobs run on four threads at once and finish in whatever order the OS lets them
// @env    UV_THREADPOOL_SIZE=8
// @runs   50
const crypto = require('crypto');

const done = [];
for (let i = 1; i <= 4; i++) {
  crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', () => done.push(i));
}
process.on('exit', () => console.log(`completion order: ${done.join(', ')}`));
