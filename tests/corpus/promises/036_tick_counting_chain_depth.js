// Count how many microtask ticks each construct takes by racing it against a tick counter.
let tick = 0;
const out = [];
function counter() {
  tick++;
  if (tick < 8) Promise.resolve().then(counter);
}
Promise.resolve().then(counter);
const mark = (label) => () => out.push(`${label}@${tick}`);
Promise.resolve().then(mark('then'));
Promise.resolve().then(() => {}).then(mark('then.then'));
new Promise((r) => r(Promise.resolve())).then(mark('resolve(promise)'));
(async () => {})().then(mark('async return undefined'));
(async () => Promise.resolve())().then(mark('async return promise'));
(async () => {
  await null;
})().then(mark('async await null'));
(async () => {
  await Promise.resolve();
  await Promise.resolve();
})().then(mark('async two awaits'));
Promise.resolve().finally(() => {}).then(mark('finally.then'));
Promise.all([1]).then(mark('all([1])'));
Promise.race([1]).then(mark('race([1])'));
setTimeout(() => console.log(out.join('\n')), 0);
