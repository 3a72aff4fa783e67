// String(), Number() and Boolean() called as functions convert values.
const values = [0, 1, -1, '', '0', 'abc', ' 12 ', null, undefined, true, false, [], [0], [1, 2], {}];
console.log('value'.padEnd(10), 'String'.padEnd(16), 'Num'.padEnd(4), 'Boolean');
for (const v of values) {
  const label = JSON.stringify(v) === undefined ? 'undefined' : JSON.stringify(v);
  console.log(label.padEnd(10), String(String(v)).padEnd(16), String(Number(v)).padEnd(4), Boolean(v));
}
console.log(typeof String(1), typeof Number('1'), typeof Boolean(1));
console.log(String(123).length, Number('0012'), Boolean('false'));
console.log(String([null]), String([undefined, 1]), Number([[]]), Number(' \n '));
console.log(Boolean(-0), Boolean(Infinity), Boolean('null'), Boolean([]));
