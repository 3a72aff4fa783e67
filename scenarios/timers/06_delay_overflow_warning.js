// @title  A delay above 2^31-1 ms becomes 1 ms, with a warning
// @lesson Delays must fit a 32-bit signed integer; a larger one is replaced by 1 ms and Node emits a
// @lesson TimeoutOverflowWarning, so the "25 days" timer fires before the 10 ms one.
// @env    NODE_NO_WARNINGS=1
// @runs   50
// Node's default warning text contains the process id; print the warning ourselves instead.
process.on('warning', (w) => console.error(`${w.name}: ${w.message}`));

setTimeout(() => console.log('huge delay (2 ** 31 ms)'), 2 ** 31);
setTimeout(() => console.log('10 ms'), 10);
console.log('scheduled');
