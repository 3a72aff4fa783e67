// Arrays of more than six numbers are grouped into aligned columns when they are long.
const ten = [];
for (let i = 0; i < 10; i++) ten.push(i);
console.log(ten);
const squares = [];
for (let i = 0; i < 30; i++) squares.push(i * i);
console.log(squares);
const mixedWidth = [1, 22, 333, 4444, 55555, 666666, 7777777, 1, 22, 333, 4444, 55555];
console.log(mixedWidth);
const negatives = [];
for (let i = -12; i <= 12; i += 2) negatives.push(i * 7);
console.log(negatives);
const fractions = [];
for (let i = 1; i <= 16; i++) fractions.push(1 / i);
console.log(fractions);
console.log([1, 2, 3, 4, 5, 6, 7]);
const big = [];
for (let i = 0; i < 26; i++) big.push(1000 + i * 37);
console.log(big);
