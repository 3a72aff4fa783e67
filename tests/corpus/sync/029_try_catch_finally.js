// try/catch/finally: finally always runs; catch binding is optional.
function attempt(fail) {
  const log = [];
  try {
    log.push('try');
    if (fail) throw new Error('bad');
    log.push('after throw');
  } catch (e) {
    log.push('catch ' + e.message);
  } finally {
    log.push('finally');
  }
  return log.join(', ');
}
console.log(attempt(false));
console.log(attempt(true));
try {
  JSON.parse('{');
} catch {
  console.log('caught without binding');
}
function onlyFinally() {
  try {
    return 'from try';
  } finally {
    console.log('finally before return completes');
  }
}
console.log(onlyFinally());
let i = 0;
while (i < 3) {
  try {
    i++;
    if (i === 2) continue;
    console.log('body', i);
  } finally {
    console.log('finally', i);
  }
}
