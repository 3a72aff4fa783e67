// process.exitCode sets the exit status once the program finishes normally.
function validate(values) {
  const bad = values.filter((v) => typeof v !== 'number');
  for (const b of bad) console.error('not a number:', b);
  return bad.length === 0;
}
const ok = validate([1, 'two', 3, null]);
console.log('valid:', ok);
if (!ok) process.exitCode = 3;
console.log('exit code set to', process.exitCode);
console.log('output continues after setting exitCode');
