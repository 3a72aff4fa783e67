// Empty arrays, objects, strings and nested empties.
console.log([]);
console.log({});
console.log([[]], [{}], { a: {} }, { a: [] });
console.log([[], [[]], [[[]]], [[[[]]]]]);
console.log({ a: { b: { c: {} } } });
console.log({ a: { b: { c: { d: {} } } } });
console.log([''], { s: '' });
console.log([null], [undefined], { u: undefined });
console.log(new Array(0), Array.from(''), Object.assign({}, {}));
class Nothing {}
console.log([new Nothing(), new Nothing()]);
console.log({ n: new Nothing() });
