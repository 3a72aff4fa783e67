// Less common shapes: subclassed built-ins, borrowed prototypes, own tags, nulls at the top.
Error.stackTraceLimit = 0;
console.log(null, undefined, true, 5, -0, NaN, 'str');
console.log(Object.create(Object.create(null)));
class Point {
  constructor() {
    this.x = 1;
  }
}
console.log(Object.create(Point.prototype));
class MyMap extends Map {}
console.log(new MyMap([[1, 2]]));
class MySet extends Set {}
console.log(new MySet());
class MyArray extends Array {}
const mine = new MyArray();
mine.push(1, 2);
console.log(mine);
console.log({ [Symbol.toStringTag]: 'Own' });
const nullFn = function named() {};
Object.setPrototypeOf(nullFn, null);
console.log(nullFn);
console.log(new Map([['e', new Error('in map')]]));
console.log({ 'a very long key name that needs quotes because of spaces': 'and a long value too' });
console.log([1.5, 22.25, 333.125, 4.0625, 55.5, 6.75, 777.875, 8.5]);
console.log([{ a: 1, b: 2, c: 3 }, 1, 2, 3, 4, 5, 6]);
const objects = [];
for (let i = 0; i < 27; i++) objects.push({ i });
console.log(objects);
console.log({ a: [[1, 2, [3, [4, [5]]]]] });
console.log([['a', 'b'], ['c', 'd']], 'tail');
const fnWithName = function () {};
Object.defineProperty(fnWithName, 'name', { value: '' });
console.log(fnWithName);
const nested = [];
for (let i = 0; i < 10; i++) nested.push([i, i * 2]);
console.log(nested);
console.log([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]]);
console.log({ key: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26] });
console.log(['a\nb', 'c', 'd', 'e', 'f', 'g', 'h']);
console.log(Object.assign(Object.create(null), { a: { b: { c: {} } } }));
console.log([Object.create(null), new Map([[Object.create(null), 1]])]);
console.log(Promise.resolve(Object.create(null)));
const coded = new Error('coded');
coded.code = 1;
const withProp = function withProp() {};
withProp.p = 1;
const boxed = new String('s');
boxed.k = 1;
console.log({ a: { b: { c: coded, d: withProp, e: new Error('plain'), f: new String('s'), g: boxed } } });
