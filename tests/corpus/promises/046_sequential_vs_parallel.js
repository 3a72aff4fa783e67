// Awaiting one by one vs starting everything first: the log shows the interleaving.
const log = (s) => console.log(s);
async function task(name, steps) {
  log(name + ' start');
  for (let i = 0; i < steps; i++) await null;
  log(name + ' end');
  return name;
}
async function sequential() {
  const a = await task('s1', 2);
  const b = await task('s2', 1);
  return [a, b];
}
async function parallel() {
  const pa = task('p1', 2);
  const pb = task('p2', 1);
  return [await pa, await pb];
}
sequential().then((r) => log('sequential result ' + r));
parallel().then((r) => log('parallel result ' + r));
log('sync end');
