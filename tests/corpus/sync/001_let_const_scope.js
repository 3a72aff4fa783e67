// let and const are block scoped; var is function scoped.
let a = 1;
const b = 2;
{
  let a = 10;
  const b = 20;
  console.log('inner', a, b);
}
console.log('outer', a, b);
if (true) {
  var c = 'var leaks out of blocks';
  let d = 'let stays inside';
  console.log(d);
}
console.log(c);
console.log(typeof d);
for (let i = 0; i < 2; i++) {
  const doubled = i * 2;
  console.log('loop', i, doubled);
}
console.log(typeof i);
const obj = { n: 1 };
obj.n = 2;
console.log(obj.n);
