// Destructuring in function and arrow parameters.
function area({ w, h = w }) {
  return w * h;
}
console.log(area({ w: 3 }), area({ w: 3, h: 5 }));
const fullName = ({ first, last }) => `${first} ${last}`;
console.log(fullName({ first: 'Grace', last: 'Hopper' }));
function pair([a, b] = [0, 0]) {
  return a + b;
}
console.log(pair([4, 5]), pair());
const entries = [
  ['x', 1],
  ['y', 2],
];
console.log(entries.map(([k, v]) => k + '=' + v).join('&'));
function nested({ pos: { x, y }, tags: [firstTag, ...more] }) {
  return [x, y, firstTag, more.length];
}
console.log(nested({ pos: { x: 1, y: 2 }, tags: ['a', 'b', 'c'] }));
const people = [
  { name: 'a', age: 30 },
  { name: 'b', age: 20 },
];
console.log(people.filter(({ age }) => age > 25).map(({ name }) => name));
function withRest(first, { ...restObj }, ...restArgs) {
  return [first, restObj, restArgs];
}
console.log(withRest(1, { p: 1, q: 2 }, 3, 4));
