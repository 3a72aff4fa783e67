// Tables of functions keyed by name: a tiny calculator.
const ops = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? NaN : a / b),
  max: Math.max,
};
function evaluate(tokens) {
  const stack = [];
  for (const t of tokens) {
    if (t in ops) {
      const b = stack.pop();
      const a = stack.pop();
      stack.push(ops[t](a, b));
    } else {
      stack.push(Number(t));
    }
  }
  return stack;
}
console.log(evaluate(['3', '4', '+', '2', '*']));
console.log(evaluate(['10', '2', '-', '3', 'max']));
console.log(evaluate(['1', '0', '/']));
console.log(evaluate(['5', '1', '2', '+', '4', '*', '+', '3', '-']));
console.log(Object.keys(ops));
console.log(ops);
