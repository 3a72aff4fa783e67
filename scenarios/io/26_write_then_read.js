// @title  Write a file, then read it back
// @lesson Each step is one asynchronous call whose callback starts the next: the chain runs across
// @lesson several loop iterations, and the immediate slips in before the first step completes.
// @file   out.txt ""
// @runs   50
const fs = require('fs');
const path = __dirname + '/out.txt';

fs.writeFile(path, 'written by the scenario', (err) => {
  if (err) throw err;
  console.log('write done');
  fs.readFile(path, 'utf8', (err2, text) => {
    if (err2) throw err2;
    console.log(`read back: '${text}'`);
  });
});
setImmediate(() => console.log('immediate'));
