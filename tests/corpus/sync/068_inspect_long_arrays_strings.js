// Long arrays of strings are grouped into columns too, padded to the longest entry.
const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu'];
console.log(words);
const letters = [...'abcdefghijklmnopqrstuvwxyz'];
console.log(letters);
const short = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
console.log(short);
const ids = [];
for (let i = 0; i < 20; i++) ids.push('id-' + i);
console.log(ids);
const longStrings = [];
for (let i = 0; i < 8; i++) longStrings.push('item number ' + i + ' with a long description');
console.log(longStrings);
