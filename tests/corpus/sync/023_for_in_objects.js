// for...in visits enumerable string keys: integer-like keys first, ascending, then insertion order.
const obj = { b: 1, a: 2, 10: 'ten', 2: 'two', z: 3 };
for (const key in obj) {
  console.log(key, typeof key, obj[key]);
}
const arr = ['x', 'y', 'z'];
for (const i in arr) {
  console.log(i, typeof i, arr[i]);
}
const counts = {};
for (const ch of 'mississippi') {
  counts[ch] = (counts[ch] || 0) + 1;
}
for (const k in counts) {
  console.log(`${k}=${counts[k]}`);
}
let seen = 0;
for (const k in {}) seen++;
console.log('empty object keys', seen);
for (const k in 'ab') console.log('string index', k);
