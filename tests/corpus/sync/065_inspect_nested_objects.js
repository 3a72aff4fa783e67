// Nested objects and arrays print inline when short and break across lines when long.
console.log({ a: 1, b: { c: 2, d: [3, 4] } });
console.log([[1, 2], [3, [4, 5]]]);
console.log({ arr: [], obj: {} });
console.log([{}, [], [{}]]);
const wide = {
  firstName: 'Augusta',
  lastName: 'King',
  title: 'Countess of Lovelace',
  born: 1815,
  interests: ['mathematics', 'poetry', 'engines'],
};
console.log(wide);
const people = [
  { name: 'ann', age: 31, city: 'Oslo' },
  { name: 'bob', age: 42, city: 'Lima' },
  { name: 'cy', age: 27, city: 'Pune' },
];
console.log(people);
console.log({ matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] });
console.log({ short: { a: 1 }, list: ['one', 'two', 'three', 'four', 'five', 'six'] });
