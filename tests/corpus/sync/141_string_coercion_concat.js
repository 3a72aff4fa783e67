// + concatenates when either side is a string; other operators convert to numbers.
console.log(1 + '1', '1' + 1, 1 + 1 + '1', '1' + 1 + 1, '1' + (1 + 1));
console.log('3' - 1, '3' * '3', '8' / '2', '7' % '4', '2' ** '3');
console.log(1 + '1' - 1, '5' - - '2', '5' + - '2');
console.log([] + {}, [1, 2] + [3], {} + 'x', null + 'x', undefined + 'x');
console.log(true + 1, true + '1', null + 1, undefined + 1, [] + 1, [2] * [3]);
console.log('b' + 'a' + +'a' + 'a');
const obj = {
  valueOf() {
    return 42;
  },
  toString() {
    return 'str';
  },
};
console.log(obj + 1, `${obj}`, obj * 2, String(obj), obj + '');
console.log(String(null), String(undefined), String(true), String([1, [2]]), String({}));
console.log(Boolean('0'), Boolean(''), Boolean(' '), Boolean(NaN));
