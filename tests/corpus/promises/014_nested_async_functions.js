// Nested async calls: each await yields back to the caller's synchronous code.
const log = (s) => console.log(s);
async function inner(name) {
  log(`${name}: inner start`);
  await null;
  log(`${name}: inner after await`);
  return name.toUpperCase();
}
async function middle(name) {
  log(`${name}: middle start`);
  const v = await inner(name);
  log(`${name}: middle got ${v}`);
  return v + '!';
}
async function outer() {
  log('outer start');
  const a = await middle('a');
  log('outer got ' + a);
  const [b, c] = await Promise.all([middle('b'), middle('c')]);
  log('outer got ' + b + ' ' + c);
}
outer().then(() => log('outer done'));
log('sync end');
