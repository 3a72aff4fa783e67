// @title  Two reads of different files race
// @lesson On the default four-thread pool both reads run in parallel; which callback comes first
// @lesson depends on which thread finishes its four steps first, even for files of the same size.
// @nondeterministic the two reads run on different pool threads at the same time
// @file   left.txt 64KiB
// @file   right.txt 64KiB
// @runs   50
const fs = require('fs');

const order = [];
fs.readFile(__dirname + '/left.txt', () => order.push('left'));
fs.readFile(__dirname + '/right.txt', () => order.push('right'));
process.on('exit', () => console.log(`finished first: ${order[0]}`));
