// @runs 50
// @nondeterministic the 1 ms timer is due after the check phase only if a millisecond passed since it was created
setImmediate(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});
