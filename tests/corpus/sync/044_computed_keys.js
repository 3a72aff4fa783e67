// Computed property keys in literals and bracket access.
const field = 'color';
const n = 2;
const obj = {
  [field]: 'blue',
  ['item' + n]: true,
  [n * 10]: 'twenty',
  [`t_${n}`]() {
    return 'template method';
  },
};
console.log(obj);
console.log(obj.color, obj.item2, obj[20], obj['20'], obj.t_2());
const key = 'dynamic';
obj[key] = 1;
obj[key + 'X'] = 2;
console.log(Object.keys(obj));
const byLetter = {};
for (const w of ['apple', 'avocado', 'bean']) {
  const k = w[0];
  byLetter[k] = byLetter[k] ? byLetter[k].concat(w) : [w];
}
console.log(byLetter);
const sym = Symbol('tag');
const tagged = { [sym]: 'hidden', plain: 1 };
console.log(tagged[sym], Object.keys(tagged));
console.log(tagged);
