// Object destructuring in declarations: renaming, defaults, rest.
const user = { id: 7, name: 'ana', role: 'dev', meta: { active: true } };
const { id, name } = user;
console.log(id, name);
const { role: job, missing = 'default', meta: { active } } = user;
console.log(job, missing, active);
const { id: _ignored, ...others } = user;
console.log(others);
let a, b;
({ a, b = 2 } = { a: 1 });
console.log(a, b);
const { length } = 'hello';
console.log(length);
const { 0: first, 2: third } = ['x', 'y', 'z'];
console.log(first, third);
const key = 'name';
const { [key]: dyn } = user;
console.log(dyn);
try {
  const { x } = null;
} catch (e) {
  console.log(e.message);
}
