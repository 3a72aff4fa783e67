// @title  Two equal pbkdf2 jobs side by side
// @lesson The two hashes start together on two pool threads and do the same work. Nothing in
// @lesson Node orders their callbacks: whichever thread the operating system runs faster wins.
// @nondeterministic two equal jobs run at the same time on different threads
// @runs   50
const crypto = require('crypto');

crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', () => console.log('job A done'));
crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', () => console.log('job B done'));
