// Rewritten from the reference probe t01, which printed both _idleStart values: creating a
// timer reads a freshly updated loop clock, so b starts about 50 ms after a (a stale clock
// would give 0). Both clocks truncate to whole milliseconds, so the margin is 45, not 50.
const a = setTimeout(()=>{}, 10);
const t0 = Date.now(); while (Date.now() - t0 < 50);
const b = setTimeout(()=>{}, 10);
console.log('b._idleStart - a._idleStart >= 45:', b._idleStart - a._idleStart >= 45);
