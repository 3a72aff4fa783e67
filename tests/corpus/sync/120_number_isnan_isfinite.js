// Global isNaN/isFinite coerce; Number.isNaN/Number.isFinite do not.
const values = [NaN, 'NaN', 'abc', '12', undefined, null, Infinity, '1e400', 5];
for (const v of values) {
  console.log(
    String(v).padEnd(9),
    isNaN(v),
    Number.isNaN(v),
    isFinite(v),
    Number.isFinite(v)
  );
}
console.log(NaN !== NaN, [NaN].includes(NaN));
