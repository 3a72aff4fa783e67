// @title  An unref'd timer does not keep the process alive
// @lesson unref() tells the loop not to wait for this timer: once the immediate has run nothing
// @lesson ref'd is left, the loop stops and the 100 ms timer never fires.
// @runs   50
const t = setTimeout(() => console.log('unref timer (never printed)'), 100);
t.unref();
console.log(`hasRef: ${t.hasRef()}`);

setImmediate(() => console.log('immediate'));
process.on('exit', () => console.log('exit'));
