// Object.freeze makes properties read-only; writes are ignored in sloppy code.
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 100;
frozen.c = 3;
delete frozen.a;
frozen.nested.b = 20;
console.log(frozen);
console.log(Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
const arr = Object.freeze([1, 2, 3]);
try {
  arr.push(4);
} catch (e) {
  console.log(e.name, e.message);
}
console.log(arr);
class Strict {
  static write(o) {
    o.a = 5;
  }
}
try {
  Strict.write(frozen);
} catch (e) {
  console.log(e.message);
}
console.log(Object.freeze(5), Object.isFrozen({}));
