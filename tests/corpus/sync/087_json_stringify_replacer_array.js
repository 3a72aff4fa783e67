// A replacer array selects (and orders) keys; a replacer function can transform values.
const user = { id: 1, name: 'ana', password: 'secret', profile: { name: 'inner', age: 5 } };
console.log(JSON.stringify(user, ['name', 'id']));
console.log(JSON.stringify(user, ['profile', 'age']));
console.log(JSON.stringify(user, ['profile', 'name', 'age'], 1));
console.log(JSON.stringify([user], ['id']));
const hide = (key, value) => (key === 'password' ? undefined : value);
console.log(JSON.stringify(user, hide));
const double = (key, value) => (typeof value === 'number' ? value * 2 : value);
console.log(JSON.stringify({ a: 1, b: [2, 3], c: 'x' }, double));
const keys = [];
JSON.stringify({ a: { b: 1 }, c: [2] }, (k, v) => {
  keys.push(k === '' ? '(root)' : k);
  return v;
});
console.log(keys);
