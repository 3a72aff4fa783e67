// Math functions with exact, representable results.
console.log(Math.abs(-5), Math.abs(3.5), Math.abs(-0));
console.log(Math.sqrt(16), Math.sqrt(2), Math.cbrt(27));
console.log(Math.pow(2, 8), Math.pow(4, 0.5), Math.pow(0, 0));
console.log(Math.sign(-3), Math.sign(0), Math.sign(9));
console.log(Math.hypot(3, 4), Math.hypot(5, 12));
console.log(Math.PI, Math.E);
console.log(Math.trunc(4.7), Math.trunc(-4.7));
console.log(Math.log(1), Math.log2(8), Math.log10(1000), Math.exp(0));
console.log(Math.sin(0), Math.cos(0), Math.atan2(1, 1) * 4);
console.log(Math.sqrt(-1), Math.abs('-2'), Math.abs(null), Math.abs('x'));
const r = Math.random();
console.log(r >= 0 && r < 1, typeof r);
console.log(Math.floor(Math.PI * 1000) / 1000);
