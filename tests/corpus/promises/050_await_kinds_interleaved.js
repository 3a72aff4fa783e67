// Many async functions awaiting different kinds of values, all racing one another.
const log = (s) => console.log(s);
async function f(label, value) {
  await value;
  log(label);
}
f('await undefined', undefined);
f('await number', 7);
f('await resolved promise', Promise.resolve());
f('await then-chained promise', Promise.resolve().then(() => {}));
f('await async call', (async () => {})());
f('await thenable', { then: (r) => r() });
f('await rejected-then-caught', Promise.reject(new Error('x')).catch(() => {}));
f('await new Promise resolved with promise', new Promise((r) => r(Promise.resolve())));
log('sync end');
