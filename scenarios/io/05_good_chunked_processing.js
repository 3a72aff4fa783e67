// @title  Good: chunked processing after a read
// @lesson Processing 100 items per setImmediate gives the loop a full iteration between chunks: the
// @lesson timer set in the read callback runs after the first immediate chunk, not after all 500 items.
// @file   data.txt 18500B
// @runs   50
const fs = require('fs');

function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

function parseData(data) {
  return data.toString().split('\n').filter((line) => line.length > 0);
}

let processed = 0;
function processItem(item) {
  if (item.length > 0) processed++;
}

fs.readFile(__dirname + '/data.txt', (err, data) => {
  if (err) throw err;
  const items = parseData(data);
  console.log(`${items.length} items to process`);
  setTimeout(() => console.log(`timer ran after ${processed} items`), 1);

  function processChunk(startIndex) {
    // Process 100 items at a time
    for (let i = 0; i < 100 && startIndex + i < items.length; i++) {
      processItem(items[startIndex + i]);
    }
    block(2); // pretend the chunk is expensive
    console.log(`chunk at ${startIndex} done, ${processed} processed`);
    if (startIndex + 100 < items.length) {
      setImmediate(() => processChunk(startIndex + 100));
    }
  }

  processChunk(0);
});
