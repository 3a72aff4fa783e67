// How numbers print: exponents above 1e21, small fractions, -0, large integers.
console.log(1e21, 1e20, 123456789012345680000);
console.log(1e-6, 1e-7, 0.000001234, 1.5e-10);
console.log(2 ** 53, 2 ** 64, -(2 ** 70));
console.log(1.0, 1.50, 0.5, -0.25, 100.0);
console.log(-0, 0 * -1, [-0], { z: -0 });
console.log(String(-0), `${-0}`, JSON.stringify(-0), (-0).toString());
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
console.log(Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON);
console.log(123e-20, 5e300 * 1e10, 0.1 * 0.1);
console.log(String(1e21), String(999999999999999999999), String(1 / 3));
console.log([1e21, 1e-7, 0.1, -0, NaN, Infinity]);
console.log(12345.6789, 1234567.891011, 4.35, 0.000123);
