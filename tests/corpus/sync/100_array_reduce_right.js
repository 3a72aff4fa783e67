// reduceRight folds from the end.
console.log(['a', 'b', 'c'].reduceRight((acc, s) => acc + s));
console.log(['a', 'b', 'c'].reduceRight((acc, s) => acc + s, '>'));
console.log([[1, 2], [3, 4]].reduceRight((acc, p) => acc.concat(p), []));
const compose = (...fns) => (x) => fns.reduceRight((v, f) => f(v), x);
const inc = (n) => n + 1;
const dbl = (n) => n * 2;
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5));
const visits = [];
[10, 20, 30].reduceRight((acc, v, i) => {
  visits.push(i);
  return acc + v;
}, 0);
console.log(visits);
try {
  [].reduceRight((a, b) => a);
} catch (e) {
  console.log(e.message);
}
