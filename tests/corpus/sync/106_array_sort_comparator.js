// Sorting with comparators: numeric, descending, by key, multi-key.
console.log([10, 9, 1, 100, 25].sort((a, b) => a - b));
console.log([10, 9, 1, 100, 25].sort((a, b) => b - a));
const people = [
  { name: 'cy', age: 30 },
  { name: 'ann', age: 25 },
  { name: 'bob', age: 30 },
  { name: 'al', age: 25 },
];
console.log(people.slice().sort((a, b) => a.age - b.age || (a.name < b.name ? -1 : 1)).map((p) => p.name));
console.log(people.slice().sort((a, b) => (a.name > b.name ? 1 : a.name < b.name ? -1 : 0)).map((p) => p.name));
const words = ['bb', 'a', 'ccc', 'dd', 'e'];
console.log(words.sort((x, y) => x.length - y.length));
console.log([3, 1, 2].sort(() => 0));
console.log(['B', 'a', 'C'].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1)));
const nums = [5, 1, 4];
nums.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
console.log(nums);
