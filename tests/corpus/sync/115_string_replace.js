// replace with a string pattern replaces the first match only.
const s = 'one fish two fish red fish';
console.log(s.replace('fish', 'cat'));
console.log(s.replace('whale', 'cat'));
console.log('aaa'.replace('a', 'b'), 'aaa'.split('a').join('b'));
console.log('x'.replace('', '_'), 'ab'.replace('b', ''));
console.log('price: 5'.replace('5', '$&.00'));
console.log('a-b'.replace('-', '$$'));
console.log('hello world'.replace('world', (m) => m.toUpperCase()));
console.log('2+2'.replace('+', ' plus '));
let text = 'a.b.c';
while (text.includes('.')) text = text.replace('.', '/');
console.log(text);
