// @title  clearImmediate cancels a queued immediate
// @lesson A cleared immediate is unlinked from the check queue; clearing a later one from an earlier
// @lesson one in the same check phase works too.
// @runs   50
const a = setImmediate(() => console.log('A (never printed)'));
clearImmediate(a);

let c = null;
setImmediate(() => {
  console.log('B: clearing C');
  clearImmediate(c);
});
c = setImmediate(() => console.log('C (never printed)'));
setImmediate(() => console.log('D'));
