// FizzBuzz, three ways.
const out = [];
for (let i = 1; i <= 15; i++) {
  if (i % 15 === 0) out.push('FizzBuzz');
  else if (i % 3 === 0) out.push('Fizz');
  else if (i % 5 === 0) out.push('Buzz');
  else out.push(i);
}
console.log(out.join(' '));
const fb = (n) => (n % 3 ? '' : 'Fizz') + (n % 5 ? '' : 'Buzz') || n;
console.log(Array.from({ length: 15 }, (_, i) => fb(i + 1)));
for (let i = 9; i <= 12; i++) {
  switch (0) {
    case i % 15:
      console.log('FizzBuzz');
      break;
    case i % 3:
      console.log('Fizz');
      break;
    case i % 5:
      console.log('Buzz');
      break;
    default:
      console.log(i);
  }
}
