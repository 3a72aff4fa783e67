// Object.keys, values and entries follow property order rules.
const obj = { z: 1, a: 2, 5: 'five', 1: 'one', m: 3 };
console.log(Object.keys(obj));
console.log(Object.values(obj));
console.log(Object.entries(obj));
for (const [k, v] of Object.entries({ x: 10, y: 20 })) {
  console.log(`${k} -> ${v}`);
}
console.log(Object.keys([4, 5, 6]), Object.keys('hey'));
console.log(Object.entries([]).length, Object.keys({}).length);
const scores = { ann: 3, bob: 9, cy: 6 };
const best = Object.entries(scores).reduce((a, b) => (b[1] > a[1] ? b : a));
console.log(best);
const total = Object.values(scores).reduce((a, b) => a + b, 0);
console.log(total);
class K {
  constructor() {
    this.own = 1;
  }
  method() {}
}
console.log(Object.keys(new K()));
