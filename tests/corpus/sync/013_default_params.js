// Default parameters apply for undefined (missing or explicit) but not for null.
function greet(name = 'stranger', punct = '!') {
  return `hello ${name}${punct}`;
}
console.log(greet());
console.log(greet('ada'));
console.log(greet(undefined, '?'));
console.log(greet(null));
console.log(greet(0, ''));
let calls = 0;
function next() {
  calls++;
  return calls;
}
function stamp(id = next()) {
  return id;
}
console.log(stamp(), stamp(), stamp(50), stamp());
console.log('calls', calls);
const arrow = (a, b = a * 2, c = a + b) => [a, b, c];
console.log(arrow(1));
console.log(arrow(1, 1));
console.log(arrow(1, undefined, 0));
function len(a, b = 2, c) {}
console.log(len.length);
