// @env UV_THREADPOOL_SIZE=1
// @runs 10
// Rewritten from the reference probe tp01 (run with UV_THREADPOOL_SIZE=1), which printed
// completion times: one pool thread runs the six jobs in the order they were queued.
const crypto = require('crypto');
const order = [];
for (let i = 1; i <= 6; i++) crypto.pbkdf2('pw', 'salt', 100000, 64, 'sha512', () => {
  order.push(i);
  if (order.length === 6) console.log('completion order:', order.join(','));
});
