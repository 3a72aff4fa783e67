// Rewritten from the reference probe t01, which printed both _idleStart values: creating a
// timer reads a freshly updated loop clock, so b starts at least 50 ms after a.
const a = setTimeout(()=>{}, 10);
const t0 = Date.now(); while (Date.now() - t0 < 50);
const b = setTimeout(()=>{}, 10);
console.log('b._idleStart - a._idleStart >= 50:', b._idleStart - a._idleStart >= 50);
