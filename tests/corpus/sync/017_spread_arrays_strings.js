// Spread in array literals copies arrays and splits strings into characters.
const a = [1, 2];
const b = [...a, 3, ...a];
console.log(b);
const copy = [...a];
copy.push(99);
console.log(a, copy);
console.log([...'hello']);
console.log([...''].length);
console.log([...'ab', ...'cd'].join('+'));
const nested = [[1], [2]];
const shallow = [...nested];
shallow[0].push('shared');
console.log(nested);
console.log([...[], ...[]]);
const word = 'level';
console.log([...word].reverse().join('') === word);
console.log([..."it's"]);
