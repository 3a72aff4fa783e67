// An error renamed after it was created: V8 formats `stack` on first read, so the new name
// shows (and the own `name` key is hidden because the stack mentions it).
Error.stackTraceLimit = 0;
class NamedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NamedError';
  }
}
console.log(new NamedError('named'));
const renamed = new Error('renamed later');
renamed.name = 'Custom';
console.log(renamed);
