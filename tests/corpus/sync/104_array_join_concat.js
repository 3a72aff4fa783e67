// join converts elements to strings (null and undefined become empty); concat flattens one level.
console.log([1, 2, 3].join(), [1, 2, 3].join(''), [1, 2, 3].join(' - '));
console.log([null, undefined, 0, false, ''].join('|'));
console.log([[1, 2], [3, [4, 5]]].join(';'));
console.log([{}, { a: 1 }].join(' '));
console.log([].join(), [1].join('x'), ['a'].join());
console.log(String([1, [2, 3]]), [1, 2] + '', [] + [], [1] + [2]);
const a = [1, 2];
const b = a.concat(3, [4, 5], [[6]]);
console.log(b, a);
console.log([].concat('x', ['y'], [['z']]));
console.log(a.concat(), a.concat() === a);
console.log(['a', 'b'].concat({ length: 1, 0: 'not spread' }));
