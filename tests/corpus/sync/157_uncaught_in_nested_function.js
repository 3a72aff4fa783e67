// An uncaught error thrown several calls deep shows every frame of the stack.
class Calculator {
  divide(a, b) {
    if (b === 0) throw new RangeError('division by zero');
    return a / b;
  }
  average(list) {
    return this.divide(
      list.reduce((s, v) => s + v, 0),
      list.length
    );
  }
}
const calc = new Calculator();
console.log(calc.average([1, 2, 3]));
const groups = [[4, 5], []];
groups.forEach((g) => console.log(calc.average(g)));
