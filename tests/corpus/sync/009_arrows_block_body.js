// Arrow functions with block bodies need explicit return.
const describe = (n) => {
  if (n === 0) {
    return 'zero';
  }
  const parity = n % 2 === 0 ? 'even' : 'odd';
  return `${n} is ${parity}`;
};
console.log(describe(0));
console.log(describe(7));
console.log(describe(10));
const noReturn = (x) => {
  x * 2;
};
console.log(noReturn(4));
const sumAll = (...xs) => {
  let total = 0;
  for (const x of xs) total += x;
  return total;
};
console.log(sumAll(1, 2, 3, 4, 5));
const makeCounter = () => {
  let count = 0;
  return () => {
    count += 1;
    return count;
  };
};
const c = makeCounter();
c();
c();
console.log(c());
