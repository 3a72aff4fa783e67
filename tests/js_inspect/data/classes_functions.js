// Class instances, null prototypes, tags, functions, classes, accessors, boxed primitives.
class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Point3 extends Point {
  constructor(x, y, z) {
    super(x, y);
    this.z = z;
  }
}
class Empty {}
console.log(new Point(1, 2), new Point3(1, 2, 3), new Empty());
console.log([new Point(1, 2)], { p: new Empty() });
console.log(Object.create(null));
const bare = Object.create(null);
bare.k = 'v';
console.log(bare, [bare]);
class Tagged {
  get [Symbol.toStringTag]() {
    return 'Custom';
  }
}
console.log(new Tagged());
const taggedObject = {};
Object.defineProperty(taggedObject, Symbol.toStringTag, { value: 'Mine' });
console.log(taggedObject);
taggedObject.a = 1;
console.log(taggedObject);
function named() {}
const arrow = () => 1;
async function later() {}
const asyncArrow = async () => {};
console.log(named, arrow, later, asyncArrow);
console.log([function () {}, () => {}, class {}]);
console.log(Point, Point3, Empty);
console.log({ cls: Point3, fn: named });
named.extra = 1;
named.more = { deep: true };
console.log(named);
class WithStatic {
  static count = 3;
  static label = 'static';
}
console.log(WithStatic);
console.log({ method() {}, get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });
class WithAccessor {
  constructor() {
    this.v = 1;
  }
  get doubled() {
    return this.v * 2;
  }
}
console.log(new WithAccessor());
console.log(new String('boxed'), new Number(42), new Number(-0), new Boolean(true), Object(Symbol('s')));
const boxedWithProp = new String('ab');
boxedWithProp.extra = 1;
console.log(boxedWithProp);
console.log([new String('x'), new Number(1)]);
console.log(Math.max, Object.keys, [].push);
const o = { fn() {} };
console.log(o.fn, { f: function inner() {} });
