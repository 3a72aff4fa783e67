// Logging errors of user classes, errors with extra properties, and errors inside objects.
class NotFound extends Error {
  constructor(what) {
    super(what + ' not found');
    this.name = 'NotFound';
    this.code = 404;
  }
}
function lookup(key) {
  return new NotFound(key);
}
console.log(lookup('user'));
const withProps = new RangeError('too far');
withProps.limit = 10;
console.log(withProps);
console.log({ status: 'failed', error: new Error('inside object') });
console.error(new Error('to stderr'));
