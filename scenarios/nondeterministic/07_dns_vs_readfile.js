// @title  dns.lookup vs readFile
// @lesson Both go to the thread pool and run in parallel on different threads; a lookup is one request
// @lesson while readFile is four, but either may finish first.
// @nondeterministic the lookup and the file read run on different pool threads with different latencies
// @runs   50
const dns = require('dns');
const fs = require('fs');

dns.lookup('localhost', () => console.log('lookup'));
fs.readFile(__filename, () => console.log('readFile'));
