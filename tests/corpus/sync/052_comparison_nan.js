// Relational comparisons: NaN compares false with everything; strings compare by code unit.
console.log(NaN < 1, NaN > 1, NaN == NaN, NaN != NaN, NaN === NaN);
console.log(isNaN('abc'), Number.isNaN('abc'), Number.isNaN(NaN));
console.log('a' < 'b', 'B' < 'a', 'apple' < 'apricot', '10' < '9', 10 < 9);
console.log('10' < 9, '10' > '9', 'abc' < 'abcd', '' < 'a');
console.log(null >= 0, null > 0, null == 0, undefined >= 0);
console.log(1 < 2 < 3, 3 > 2 > 1);
console.log([2] > 1, [1, 2] > 1, true > false, 'true' > false);
const values = [3, NaN, 1];
console.log(Math.max(...values), Math.min(1, 2, 3));
console.log(Infinity > 1e308, -Infinity < -1e308, Infinity === Infinity);
console.log(0.1 + 0.2 === 0.3, Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON);
