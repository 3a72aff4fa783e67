// Destructuring defaults apply for undefined, never for null.
const { a = 'A', b = 'B', c = 'C' } = { a: undefined, b: null, c: 0 };
console.log(a, b, c);
const [x = 1, y = 2, z = 3] = [undefined, null, false];
console.log(x, y, z);
function opts({ size = 'm', color = 'red' } = {}) {
  return `${size}/${color}`;
}
console.log(opts());
console.log(opts({}));
console.log(opts({ size: null }));
console.log(opts({ color: undefined, size: 's' }));
let evaluated = 0;
const { k = ++evaluated } = { k: 5 };
const { j = ++evaluated } = {};
console.log(k, j, evaluated);
const [first = 'f', second = first + '!'] = [];
console.log(first, second);
try {
  opts(null);
} catch (e) {
  console.log(e.message);
}
