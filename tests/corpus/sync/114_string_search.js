// includes, startsWith, endsWith, indexOf and lastIndexOf on strings.
const s = 'the cat sat on the mat';
console.log(s.includes('cat'), s.includes('dog'), s.includes(''));
console.log(s.startsWith('the'), s.startsWith('cat', 4), s.endsWith('mat'), s.endsWith('sat', 11));
console.log(s.indexOf('the'), s.lastIndexOf('the'), s.indexOf('the', 1), s.indexOf('xyz'));
console.log(s.indexOf(''), s.lastIndexOf(''), s.indexOf('at', 6));
let count = 0;
let pos = s.indexOf('at');
while (pos !== -1) {
  count++;
  pos = s.indexOf('at', pos + 1);
}
console.log('"at" occurs', count, 'times');
console.log('Case'.includes('case'), 'Case'.toLowerCase().includes('case'));
console.log('abc'.startsWith(''), 'abc'.endsWith('abc'), 'abc'.endsWith('abcd'));
