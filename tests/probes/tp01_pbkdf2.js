// Rewritten from the reference probe tp01, which printed completion times: with the default
// pool of 4 threads the first four jobs finish in any order, and jobs 5 and 6 start only
// when a thread frees up, so they finish last.
// @nondeterministic a descheduled pool thread can fall a whole job behind: under a loaded CI build node printed "first four: 3,4,5,6 last two: 1,2"
const crypto = require('crypto');
const order = [];
for (let i = 1; i <= 6; i++) crypto.pbkdf2('pw', 'salt', 100000, 64, 'sha512', () => {
  order.push(i);
  if (order.length === 6) console.log('first four:', order.slice(0, 4).sort().join(','), 'last two:', order.slice(4).sort().join(','));
});
