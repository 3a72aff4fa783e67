// @title  Bad: heavy work inside an I/O callback
// @lesson A million iterations inside the read callback keep the loop stuck in the poll phase; the
// @lesson immediate and the timer scheduled before the loop wait until it is done.
// @file   data.txt 4KiB
// @runs   50
const fs = require('fs');

let checksum = 0;
function processItem(data) {
  checksum = (checksum * 31 + data.length) % 1000003;
}

fs.readFile(__dirname + '/data.txt', (err, data) => {
  if (err) throw err;
  setImmediate(() => console.log('immediate: waited for the heavy loop'));
  setTimeout(() => console.log('timer: waited for the heavy loop'), 0);
  console.log(`read ${data.length} bytes, processing...`);
  // This blocks other I/O operations!
  for (let i = 0; i < 1000000; i++) {
    processItem(data);
  }
  console.log(`processed 1000000 items, checksum ${checksum}`);
});
