// %% prints a percent sign; unknown specifiers are left as they are.
console.log('100%%');
console.log('%% of %s', 'total');
console.log('%s%%', 50);
console.log('%x %y', 1, 2);
console.log('%', 1);
console.log('%s %', 'a', 'b');
console.log('%%s', 'arg');
console.log('a%sb%sc', 1, 2);
console.log('%c styled', 'color: red');
console.log('%s', '%s', 'x');
