// @title  1 M chained setImmediate
// @lesson Each immediate queues the next one, which waits for the next check phase: a
// @lesson million loop iterations.
// @runs   1
// @callbacks 1000000
const N = 1000000;
let n = 0;
function imm() {
  n++;
  if (n < N) setImmediate(imm);
  else console.log('immediates', n);
}
setImmediate(imm);
