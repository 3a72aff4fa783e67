// toFixed rounds on the binary value, so some halves round down.
console.log((1.005).toFixed(2), (1.255).toFixed(2), (2.5).toFixed(0), (1.45).toFixed(1));
console.log((0).toFixed(2), (-1.5).toFixed(0), (123.456).toFixed(1), (5).toFixed(3));
console.log((0.1 + 0.2).toFixed(10), (1e21).toFixed(2), (1e20).toFixed(2));
console.log((0.000001).toFixed(7), (-0.0001).toFixed(2));
console.log((1234.5678).toFixed(), (99.995).toFixed(2));
console.log(typeof (1).toFixed(1));
try {
  (1).toFixed(101);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const total = [19.99, 5.01, 0.1].reduce((a, b) => a + b, 0);
console.log(total, total.toFixed(2));
