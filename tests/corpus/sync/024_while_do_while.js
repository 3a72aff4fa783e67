// while checks first; do...while runs its body at least once.
let i = 0;
while (i < 3) {
  console.log('while', i);
  i++;
}
let j = 10;
do {
  console.log('do', j);
  j++;
} while (j < 3);
let n = 27;
let steps = 0;
while (n !== 1) {
  n = n % 2 === 0 ? n / 2 : 3 * n + 1;
  steps++;
}
console.log('collatz steps for 27:', steps);
let digits = 0;
let value = 98765;
do {
  digits++;
  value = Math.floor(value / 10);
} while (value > 0);
console.log('digits', digits);
let k = 0;
while (true) {
  if (++k > 4) break;
}
console.log('k', k);
