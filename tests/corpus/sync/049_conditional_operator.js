// The conditional operator, chained and nested.
function grade(score) {
  return score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : 'F';
}
console.log([95, 85, 75, 10].map(grade));
const n = 7;
console.log(n % 2 === 0 ? 'even' : 'odd');
const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
console.log(plural(1, 'cat'), plural(2, 'cat'), plural(0, 'dog'));
let calls = [];
const pick = (c) => (c ? (calls.push('then'), 'T') : (calls.push('else'), 'F'));
console.log(pick(true), pick(0), calls);
const x = null;
console.log(x ? x.value : 'no x');
const max = (a, b) => (a > b ? a : b);
console.log(max(3, 9), max('b', 'a'));
