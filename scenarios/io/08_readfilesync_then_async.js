// @title  readFileSync blocks, readFile does not
// @lesson readFileSync does the whole read on the main thread and returns the data at once; the
// @lesson async readFile returns immediately and its callback arrives from the poll phase later.
// @file   greeting.txt "hello from the file\n"
// @runs   50
const fs = require('fs');
const path = __dirname + '/greeting.txt';

console.log('calling readFile');
fs.readFile(path, 'utf8', (err, text) => console.log(`async: ${text.trim()}`));
console.log('calling readFileSync');
const text = fs.readFileSync(path, 'utf8');
console.log(`sync: ${text.trim()}`);
console.log('script end');
