// Using an undeclared name throws "x is not defined"; typeof does not.
try {
  console.log(notDeclared);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  notDeclaredFn();
} catch (e) {
  console.log(e.message);
}
try {
  const r = 1 + alsoMissing * 2;
} catch (e) {
  console.log(e.message);
}
function inner() {
  return missingInFunction;
}
try {
  inner();
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
console.log(typeof notDeclared, typeof notDeclared === 'undefined');
try {
  undeclaredTarget.prop = 1;
} catch (e) {
  console.log(e.message);
}
