// @title  setImmediate passes extra arguments
// @lesson Like setTimeout, setImmediate stores extra arguments and hands them to the callback.
// @runs   50
setImmediate((x, y) => console.log(`sum is ${x + y}`), 2, 3);
setImmediate((...words) => console.log(words.join(' ')), 'run', 'in', 'check', 'phase');
