// A retry helper: async recursion with try/catch and attempt counting.
let attempts = 0;
async function flaky() {
  attempts++;
  await null;
  if (attempts < 3) throw new Error('attempt ' + attempts + ' failed');
  return 'succeeded on attempt ' + attempts;
}
async function retry(fn, times) {
  try {
    return await fn();
  } catch (e) {
    console.log('retrying after: ' + e.message);
    if (times <= 1) throw e;
    return retry(fn, times - 1);
  }
}
retry(flaky, 5).then((v) => console.log(v));
let other = 0;
retry(async () => {
  other++;
  throw new Error('always fails #' + other);
}, 2).catch((e) => console.log('gave up: ' + e.message));
console.log('sync end');
