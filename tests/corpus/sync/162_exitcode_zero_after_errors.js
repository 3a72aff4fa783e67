// Output on stderr alone does not change the exit code; exitCode can be reset.
console.error('a warning on stderr');
process.exitCode = 2;
console.log('exitCode now', process.exitCode);
process.exitCode = 0;
console.log('exitCode reset to', process.exitCode);
try {
  throw new Error('caught, so harmless');
} catch (e) {
  console.error('handled:', e.message);
}
