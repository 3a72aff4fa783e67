// @title  Ten racing pairs of pbkdf2 jobs on two threads
// @lesson A benchmark of `loopsim explore` (docs/explore.md, "Speed"): each pair starts when
// @lesson the previous one is done, and the two jobs of a pair race on the two pool threads,
// @lesson so the run meets ten binary choice points, one after the other: 2^10 outputs.
// @env    UV_THREADPOOL_SIZE=2
const crypto = require('crypto');

function pair(k) {
  if (k === 10) return;
  let done = 0;
  const finish = (name) => () => {
    console.log(k, name);
    if (++done === 2) pair(k + 1);
  };
  crypto.pbkdf2('secret', 'salt', 1000, 16, 'sha256', finish('a'));
  crypto.pbkdf2('secret', 'salt', 1000, 16, 'sha256', finish('b'));
}
pair(0);
