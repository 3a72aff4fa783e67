// Object spread copies own enumerable properties; later keys win.
const base = { a: 1, b: 2 };
const extended = { ...base, c: 3 };
console.log(extended);
const overridden = { ...base, b: 20 };
console.log(overridden);
const early = { b: 20, ...base };
console.log(early);
console.log({ ...null, ...undefined, x: 1 });
console.log({ ...'hi' });
console.log({ ...[10, 20] });
const nested = { inner: { v: 1 } };
const copy = { ...nested };
copy.inner.v = 2;
console.log(nested.inner.v);
const defaults = { color: 'red', size: 'm' };
function options(user) {
  return { ...defaults, ...user };
}
console.log(options({ size: 'xl' }));
console.log(options({}));
console.log(Object.keys({ z: 1, ...{ y: 2, z: 3 } }));
