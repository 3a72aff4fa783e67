// Floating point arithmetic and its well-known surprises.
console.log(0.1 + 0.2);
console.log(0.3 - 0.1);
console.log(1 / 3, 2 / 3, 10 / 3);
console.log(1 / 0, -1 / 0, 0 / 0);
console.log(7 % 3, -7 % 3, 7 % -3, 5.5 % 2);
console.log(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 0.5);
console.log(9007199254740991 + 2);
console.log(0.1 * 3, 1.1 * 1.1, 3 * 1.1);
console.log(100 * 1.15, 1.005 * 1000);
console.log('3' * '4', '10' / 4, '5' - 2, '5' + 2, 5 + +'2');
console.log(+'', +' 42 ', +'4x', +true, +null, +undefined, +[], +[7], +[1, 2]);
console.log(-'3', - -'3', 1 - -1);
console.log(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994));
console.log(5 / 2 | 0, -5 / 2 | 0, 7 >> 1, -7 >>> 28, 5 & 3, 5 | 3, 5 ^ 3, ~5);
