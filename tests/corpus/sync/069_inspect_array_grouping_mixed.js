// Grouping of mixed arrays: numbers right-aligned, others left-aligned; objects prevent grouping.
const mixed = [1, 'two', 3, 'four', 5, 'six', 7, 'eight', 9, 'ten', 11, 'twelve', 13, 'fourteen'];
console.log(mixed);
const bools = [true, false, true, true, false, false, true, false, true, true, false, true, true];
console.log(bools);
const withNull = [null, undefined, 1, 2, 3, null, undefined, 4, 5, 6, null, 7, 8, 9, 10, 11, 12];
console.log(withNull);
const withObjects = [{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }, { e: 5 }, { f: 6 }, { g: 7 }, { h: 8 }];
console.log(withObjects);
const nestedArrays = [[1], [2], [3], [4], [5], [6], [7], [8], [9], [10], [11], [12]];
console.log(nestedArrays);
const shortSeven = [1, 2, 3, 4, 5, 6, 7];
console.log({ inObject: shortSeven, more: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140] });
