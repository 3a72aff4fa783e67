// console.log of primitives at top level: strings print without quotes.
console.log('plain string');
console.log(42, -7, 3.14, 0, -0);
console.log(true, false);
console.log(null, undefined);
console.log(NaN, Infinity, -Infinity);
console.log('');
console.log('', 'after empty');
console.log();
console.log('multi\nline');
console.log('  leading and trailing  ');
console.log("quotes ' and \"");
console.log(1e21, 123456789, 0.1 + 0.2);
console.log(Symbol('sym'), Symbol(), Symbol('with space'));
console.log('tab\tseparated');
