// Case conversion and whitespace trimming.
console.log('Hello World'.toUpperCase(), 'Hello World'.toLowerCase());
console.log('straße'.toUpperCase(), 'ÉCOLE'.toLowerCase());
console.log('[' + '  padded  '.trim() + ']');
console.log('[' + '\t\n mixed whitespace \n'.trim() + ']');
const title = (s) =>
  s
    .split(' ')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(' ');
console.log(title('the QUICK brown fOX'));
console.log('abc'.toUpperCase() === 'ABC', 'ABC'.toLowerCase() === 'abc');
console.log(''.trim().length, '   '.trim() === '');
