// Number toString with a radix, and String(number).
console.log((255).toString(16), (255).toString(2), (255).toString(8), (255).toString(36));
console.log((-255).toString(16), (0.5).toString(2), (3.75).toString(2));
console.log((35).toString(36), (36).toString(36), (1e21).toString(), (123.0).toString());
console.log((10).toString(), String(10), 10 + '');
console.log((-7).toString(2), (0.25).toString(4));
try {
  (10).toString(1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const hex = (n) => '0x' + n.toString(16).padStart(4, '0');
console.log(hex(0), hex(4095), hex(65535));
console.log(parseInt((255).toString(2), 2));
