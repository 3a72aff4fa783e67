// @title  dns.lookup vs a 1 ms timer
// @lesson dns.lookup('localhost') is a getaddrinfo call on the thread pool. Whether its
// @lesson callback comes before a 1 ms timer depends on whether the timer is due at the
// @lesson first timers phase, and on how fast the lookup answers.
// @nondeterministic the first timers phase may come before or after the 1 ms timer is due
// @runs   50
const dns = require('dns');

dns.lookup('localhost', () => console.log('lookup'));
setTimeout(() => console.log('timeout 1 ms'), 1);
