// printf-style %s, %d and %i in the first argument.
console.log('%s is %d years old', 'Ada', 36);
console.log('%s', 'only one');
console.log('%s and %s', 'one');
console.log('%s', 'a', 'extra', 'args');
console.log('%d', 42.9, '%i', 42.9);
console.log('%i', 42.9);
console.log('%d %d %d', '12', 'abc', true);
console.log('%i %i', '3.7', -2.5);
console.log('%s %s %s', 1.5, null, undefined);
console.log('%s', [1, 'two', [3]]);
console.log('%s', { a: 1, b: 'x' });
console.log('%s!', 'wow', 7);
console.log('no specifiers', '%s');
console.log(5, '%s', 'not a format because first arg is a number');
console.log('%s', -0, '%d', -0);
console.log('%d', -0);
