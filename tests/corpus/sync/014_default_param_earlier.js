// A default can refer to earlier parameters, and to outer scope, but not to later ones.
function box(width, height = width, area = width * height) {
  return { width, height, area };
}
console.log(box(3));
console.log(box(3, 4));
console.log(box(3, 4, 0));
const prefix = 'outer';
function label(text, tag = prefix + ':' + text) {
  return tag;
}
console.log(label('x'));
function bad(a = b, b = 1) {
  return [a, b];
}
try {
  bad();
} catch (e) {
  console.log(e.name, e.message);
}
console.log(bad(5));
function withArray(list = [], item = list.length) {
  list.push(item);
  return list;
}
console.log(withArray());
console.log(withArray());
console.log(withArray([7, 8]));
