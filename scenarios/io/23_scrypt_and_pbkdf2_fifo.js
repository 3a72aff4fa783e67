// @title  Different crypto jobs share one FIFO queue
// @lesson scrypt and pbkdf2 are both thread-pool jobs; on a one-thread pool they complete strictly in
// @lesson the order they were queued, whatever their kind.
// @env    UV_THREADPOOL_SIZE=1
// @runs   50
const crypto = require('crypto');

crypto.scrypt('secret', 'salt', 32, () => console.log('scrypt 1'));
crypto.pbkdf2('secret', 'salt', 10000, 32, 'sha256', () => console.log('pbkdf2 2'));
crypto.scrypt('secret', 'salt', 32, () => console.log('scrypt 3'));
crypto.randomBytes(8, () => console.log('randomBytes 4'));
