// Nested try blocks: inner finally runs before the outer catch.
const log = [];
try {
  try {
    log.push('inner try');
    throw new Error('inner');
  } finally {
    log.push('inner finally');
  }
} catch (e) {
  log.push('outer catch: ' + e.message);
} finally {
  log.push('outer finally');
}
console.log(log);
function level(n) {
  try {
    if (n === 0) throw new Error('bottom');
    return level(n - 1);
  } catch (e) {
    if (n < 2) throw new Error(e.message + ' <- ' + n);
    return 'recovered at ' + n + ': ' + e.message;
  }
}
console.log(level(3));
try {
  try {
    throw new TypeError('typed');
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.log('not here');
  }
} catch (e) {
  console.log('rethrown', e.name);
}
