// Math.min and Math.max with no arguments, NaN and coercible values.
console.log(Math.max(), Math.min());
console.log(Math.max(1, 5, 3), Math.min(1, 5, 3));
console.log(Math.max(1, NaN, 3), Math.min(NaN));
console.log(Math.max('7', 2), Math.min('7', 2));
console.log(Math.max(null, -1), Math.min(undefined, 1));
console.log(Math.max(-0, 0), Math.min(0, -0));
const scores = [88, 92, 75, 100, 64];
console.log(Math.max(...scores), Math.min(...scores));
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
console.log(clamp(5, 0, 10), clamp(-5, 0, 10), clamp(50, 0, 10));
console.log(Math.max([1, 2]), Math.max([3]), Math.max(true, false));
