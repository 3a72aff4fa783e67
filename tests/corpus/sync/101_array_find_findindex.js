// find returns the element or undefined; findIndex returns the index or -1.
const users = [
  { id: 1, name: 'ann', admin: false },
  { id: 2, name: 'bob', admin: true },
  { id: 3, name: 'cy', admin: true },
];
console.log(users.find((u) => u.admin));
console.log(users.findIndex((u) => u.admin));
console.log(users.find((u) => u.id === 9), users.findIndex((u) => u.id === 9));
console.log([5, 12, 8, 130].find((n) => n > 10));
console.log([NaN, 1].findIndex((n) => Number.isNaN(n)), [NaN].indexOf(NaN));
const visited = [];
[1, 2, 3, 4].find((n) => {
  visited.push(n);
  return n === 2;
});
console.log(visited);
console.log([undefined, 0].find((x) => x === undefined), [undefined].findIndex((x) => x === undefined));
