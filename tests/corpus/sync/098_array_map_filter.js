// map and filter, with index and array arguments.
const nums = [1, 2, 3, 4, 5, 6];
console.log(nums.map((n) => n * n));
console.log(nums.filter((n) => n % 2));
console.log(nums.map((n, i) => n * i));
console.log(nums.filter((n, i, arr) => i === arr.length - 1));
console.log(['1', '2', '3'].map(Number));
console.log(['1', '2', '3'].map(parseInt));
console.log([0, 1, '', 'a', null, NaN, [], {}].filter(Boolean));
const people = [
  { name: 'ann', age: 17 },
  { name: 'bob', age: 21 },
  { name: 'cy', age: 30 },
];
const adults = people.filter((p) => p.age >= 18).map((p) => p.name.toUpperCase());
console.log(adults);
console.log([].map((x) => x * 2));
console.log(nums.map(String));
