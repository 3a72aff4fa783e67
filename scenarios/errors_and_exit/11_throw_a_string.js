// @title  Throwing something that is not an Error
// @lesson Any value can be thrown; an uncaught non-Error has no stack, so Node prints the source line
// @lesson and the value itself, then exits with status 1.
// @runs   50
console.log('throwing a string');
throw 'plain string, not an Error';
