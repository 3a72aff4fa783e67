// some and every short-circuit; on an empty array some is false and every is true.
const nums = [2, 4, 6, 7];
console.log(nums.some((n) => n % 2), nums.every((n) => n % 2 === 0));
console.log([].some(() => true), [].every(() => false));
const checked = [];
nums.every((n) => {
  checked.push(n);
  return n < 5;
});
console.log(checked);
const seen = [];
nums.some((n) => {
  seen.push(n);
  return n > 3;
});
console.log(seen);
const words = ['alpha', 'beta', 'gamma'];
console.log(words.every((w) => w.length >= 4), words.some((w) => w.startsWith('g')));
console.log([null, undefined].every((x) => x == null));
