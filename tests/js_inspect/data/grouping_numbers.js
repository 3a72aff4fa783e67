// Array grouping of numbers: columns, right alignment, "... more items", nesting.
function range(from, to) {
  const out = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
console.log(range(1, 6));
console.log(range(1, 7));
console.log(range(1, 10));
console.log(range(1, 26));
console.log(range(1, 30));
console.log(range(1, 100));
console.log(range(1, 101));
console.log(range(1, 150));
console.log(range(95, 130));
console.log([1, 22, 333, 4444, 55555, 666666, 7777777, 88888888]);
console.log([-1, -22, 3, 44, -555, 6, 77, -8, 9, 10]);
console.log([0.5, 1.25, 3.125, -0, NaN, Infinity, -Infinity, 1e21, 1e-7]);
console.log(range(1, 30).map((x) => x * x * x));
console.log(range(1, 12).map((x) => x * 1000003));
console.log({ numbers: range(1, 30) });
console.log({ a: { b: range(1, 40) } });
console.log([range(1, 8), range(10, 17)]);
console.log([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15], [16, 17, 18], [19]]);
console.log(range(1, 7).map((x) => x * 123456789));
console.log(range(1, 16).map((x) => 2 ** x));
console.log(range(1, 64).map((x) => x % 7));
console.log(range(1, 9).map((x) => x / 3));
