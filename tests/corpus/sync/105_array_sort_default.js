// The default sort compares string forms, so numbers sort "wrongly"; undefined goes last.
console.log([10, 9, 1, 100, 25].sort());
console.log([3, 20, 100].sort());
console.log(['banana', 'apple', 'Cherry', 'apple2', 'Apple'].sort());
console.log([true, false, 'b', 'a', 1, null].sort());
console.log([undefined, 3, undefined, 1, 2].sort());
console.log([-1, -2, 3, -10].sort());
console.log([0.5, 0.25, 1e-7, 1e21, 5].sort());
const a = [3, 1, 2];
const r = a.sort();
console.log(r === a, a);
console.log(['é', 'e', 'z', 'a'].sort());
console.log([[2, 1], [1, 9], [1, 10]].sort());
