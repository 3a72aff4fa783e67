// @title  A busy pool delays file reads
// @lesson fs and crypto share one thread pool: with a single thread, a readFile queued behind a slow
// @lesson pbkdf2 job cannot start until the hash is done.
// @env    UV_THREADPOOL_SIZE=1
// @runs   50
const crypto = require('crypto');
const fs = require('fs');

crypto.pbkdf2('secret', 'salt', 100000, 32, 'sha256', () => console.log('pbkdf2 done'));
fs.readFile(__filename, () => console.log('readFile done'));
