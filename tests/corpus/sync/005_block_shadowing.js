// Inner blocks shadow outer bindings without touching them.
let name = 'outer';
function greet() {
  let name = 'function';
  {
    let name = 'block';
    console.log(name);
  }
  console.log(name);
}
greet();
console.log(name);
let n = 1;
switch (n) {
  case 1: {
    let n = 'case body';
    console.log(n);
    break;
  }
}
console.log(n);
const value = 'top';
const f = (value) => {
  console.log('param', value);
  {
    const value = 'nested';
    console.log(value);
  }
  return value;
};
console.log(f('arg'));
try {
  throw 'thrown';
} catch (value) {
  console.log('catch param', value);
}
console.log(value);
