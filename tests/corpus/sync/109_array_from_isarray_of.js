// Array.from, Array.of and Array.isArray.
console.log(Array.from('abc'));
console.log(Array.from([1, 2, 3], (x) => x * 10));
console.log(Array.from({ length: 4 }, (_, i) => i * i));
console.log(Array.from({ length: 2, 0: 'a', 1: 'b' }));
console.log(Array.from({ length: 3 }));
console.log(Array.of(7), Array.of(1, 2, 3), Array.of(), Array(7).length);
console.log(Array.isArray([]), Array.isArray(Array.from('x')), Array.isArray('abc'));
console.log(Array.isArray({ length: 0 }), Array.isArray(null), Array.isArray(new Array(2)));
function args() {
  return Array.from(arguments).reverse();
}
console.log(args(1, 2, 3));
const copy = Array.from([1, [2]]);
copy[1].push(3);
console.log(copy);
