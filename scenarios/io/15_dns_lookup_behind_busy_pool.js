// @title  dns.lookup waits behind a busy thread pool
// @lesson dns.lookup uses the same thread pool as fs and crypto; with one thread it must wait until
// @lesson the pbkdf2 job queued before it is finished, even though the lookup itself is quick.
// @lesson Each pbkdf2 job takes about 80 ms here, so the immediate comes first even on a busy
// @lesson machine (with 50 000 iterations, 22 ms, node sometimes finished the first job first).
// @env    UV_THREADPOOL_SIZE=1
// @runs   50
const crypto = require('crypto');
const dns = require('dns');

crypto.pbkdf2('secret', 'salt', 200000, 32, 'sha256', () => console.log('pbkdf2 #1 done'));
dns.lookup('localhost', (err, address) => {
  console.log(`lookup done, error: ${err}, got an address: ${typeof address === 'string'}`);
});
crypto.pbkdf2('secret', 'salt', 200000, 32, 'sha256', () => console.log('pbkdf2 #2 done'));
setImmediate(() => console.log('immediate does not wait for the pool'));
