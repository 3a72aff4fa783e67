// The arguments object holds every passed argument; arrows do not have their own.
function show() {
  console.log(arguments.length);
  console.log(arguments[0], arguments[1]);
  console.log(typeof arguments, Array.isArray(arguments));
  return Array.from(arguments);
}
console.log(show('a', 'b', 'c'));
show();
function sumArgs() {
  let total = 0;
  for (let i = 0; i < arguments.length; i++) total += arguments[i];
  return total;
}
console.log(sumArgs(1, 2, 3, 4));
function outer() {
  const inner = () => arguments[0];
  return inner('ignored');
}
console.log(outer('from outer'));
function withDefault(a, b = 5) {
  return [arguments.length, a, b];
}
console.log(withDefault(1));
console.log(withDefault(1, 2, 3));
