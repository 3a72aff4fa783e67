// Rest parameters collect the remaining arguments into a real array.
function head(first, ...rest) {
  console.log('first:', first);
  console.log('rest:', rest);
  console.log('is array:', Array.isArray(rest), 'length:', rest.length);
}
head(1, 2, 3);
head('only');
head();
const sum = (...nums) => nums.reduce((a, b) => a + b, 0);
console.log(sum(), sum(1), sum(1, 2, 3, 4));
function tag(label, ...values) {
  return label + '[' + values.join('|') + ']';
}
console.log(tag('t', 'a', 'b', 'c'));
function count(...args) {
  return args.length;
}
console.log(count(undefined, undefined), count(...[1, 2, 3]), count(...'hey'));
console.log(head.length, sum.length, tag.length);
