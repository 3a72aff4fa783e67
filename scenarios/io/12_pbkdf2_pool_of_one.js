// @title  Six pbkdf2 calls on a one-thread pool
// @lesson With UV_THREADPOOL_SIZE=1 the hash jobs run one after another in FIFO order, so they always
// @lesson complete in the order they were started.
// @env    UV_THREADPOOL_SIZE=1
// @runs   50
const crypto = require('crypto');

for (let i = 1; i <= 6; i++) {
  crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', (err, key) => {
    if (err) throw err;
    console.log(`pbkdf2 #${i} done (${key.length}-byte key)`);
  });
}
console.log('six jobs queued');
