// Depth limits ([Object], [Array], [ClassName]) and circular references (<ref *N>).
console.log({ a: { b: { c: { d: 1 } } } });
console.log({ a: { b: { c: [1, 2] } } });
console.log([[[[1, 2]]]]);
console.log([[[{ x: 1 }]]]);
console.log({ a: { b: { c: new Map([[1, 2]]) } } });
console.log({ a: { b: { c: new Set([1]) } } });
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
console.log({ a: { b: { p: new Point(1, 2) } } });
console.log({ a: { b: { empty: {}, arr: [] } } });
const self = { name: 'self' };
self.me = self;
console.log(self);
const list = [1, 2];
list.push(list);
console.log(list);
const a = { name: 'a' };
const b = { name: 'b', a };
a.b = b;
console.log(a);
console.log([a, b]);
const root = { children: [] };
const child = { parent: root };
root.children.push(child, child);
console.log(root);
const x = {};
const y = {};
x.y = y;
y.x = x;
x.self = x;
console.log(x);
const m = new Map();
m.set('me', m);
console.log(m);
const deep = { l1: { l2: { l3: { l4: { l5: 1 } } } } };
console.log(deep);
console.log([deep]);
console.log({ arr: [[1, [2, [3, [4]]]]] });
