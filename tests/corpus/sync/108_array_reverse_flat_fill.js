// reverse (in place), flat (with depth) and fill (with ranges).
const a = [1, 2, 3];
console.log(a.reverse(), a);
console.log([1, [2, [3, [4]]]].flat());
console.log([1, [2, [3, [4]]]].flat(2));
console.log([1, [2, [3, [4]]]].flat(Infinity));
console.log([[], [[]], 'x'].flat());
console.log(new Array(4).fill(0));
console.log([1, 2, 3, 4, 5].fill('x', 1, 3));
console.log([1, 2, 3, 4, 5].fill(9, -2));
const shared = new Array(2).fill([]);
shared[0].push('same');
console.log(shared);
console.log(Array(3).fill().map((_, i) => i * 2));
console.log([[1, 2], [3]].flat().reverse().join(''));
