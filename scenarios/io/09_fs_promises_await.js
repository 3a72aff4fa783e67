// @title  fs.promises with await
// @lesson await on fs.promises.readFile suspends the function until the read completes in the poll
// @lesson phase; meanwhile the loop runs other callbacks such as the immediate.
// @file   notes.txt "line one\nline two\nline three\n"
// @runs   50
const fsp = require('fs').promises;

async function main() {
  console.log('reading notes');
  const text = await fsp.readFile(__dirname + '/notes.txt', 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  console.log(`read ${lines.length} lines, the last is '${lines[lines.length - 1]}'`);
}

main().then(() => console.log('main finished'));
setImmediate(() => console.log('immediate ran while the read was in flight'));
