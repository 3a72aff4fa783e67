// Function declarations can be called before they appear; expressions cannot.
console.log(add(2, 3));
function add(a, b) {
  return a + b;
}
try {
  sub(5, 1);
} catch (e) {
  console.log(e.message);
}
var sub = function (a, b) {
  return a - b;
};
console.log(sub(5, 1));
function outer() {
  return inner() + 1;
  function inner() {
    return 41;
  }
}
console.log(outer());
function dup() {
  return 'first';
}
console.log(dup());
function dup() {
  return 'second';
}
console.log(dup());
console.log(add.length, sub.length, outer.name, sub.name);
