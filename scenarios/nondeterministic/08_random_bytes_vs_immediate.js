// @title  randomBytes vs setImmediate
// @lesson A tiny randomBytes job may already be finished when the first poll phase looks for
// @lesson completions, so it can run before the first immediate, or after it.
// @nondeterministic the pool thread may or may not finish before the main thread reaches the first poll phase
// @runs   50
const crypto = require('crypto');

crypto.randomBytes(16, () => console.log('randomBytes'));
setImmediate(() => console.log('immediate'));
