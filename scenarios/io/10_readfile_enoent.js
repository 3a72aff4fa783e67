// @title  Reading a missing file: ENOENT
// @lesson The failure comes back through the callback's first argument, with code 'ENOENT', the
// @lesson failing system call and the path in the message.
// @runs   50
const fs = require('fs');

fs.readFile('scenarios/io/does-not-exist.txt', (err, data) => {
  console.log(`data: ${data}`);
  console.log(`code: ${err.code}`);
  console.log(`syscall: ${err.syscall}`);
  console.log(`errno: ${err.errno}`);
  console.log(`message: ${err.message}`);
});
