// split with string separators, limits, and the empty separator.
console.log('a,b,c'.split(','));
console.log('a,b,,c,'.split(','));
console.log('hello'.split(''));
console.log('one two  three'.split(' '));
console.log('a-b-c-d'.split('-', 2));
console.log('no separator'.split('x'));
console.log(''.split(','), ''.split(''));
console.log('a::b::c'.split('::'));
console.log('abc'.split());
console.log('key=value=more'.split('=').slice(1).join('='));
const csv = 'name,age\nann,30\nbob,25';
const rows = csv.split('\n').map((line) => line.split(','));
console.log(rows);
