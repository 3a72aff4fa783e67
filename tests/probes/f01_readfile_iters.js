// Rewritten from the reference probe f01, which printed the number of check phases before the
// readFile callback (3 at least, often far more): open, fstat, read and close each take a
// pool round trip, so at least three check phases pass first.
const fs = require('fs');
let iter = 0, done = false;
function spin() { iter++; if (!done) setImmediate(spin); }
setImmediate(spin);
fs.readFile(__filename, () => { done = true; console.log('readFile cb after at least 3 check phases:', iter >= 3); });
