// An uncaught Error carrying extra properties: node prints them after the stack.
function request(url) {
  const err = new TypeError('request failed: ' + url);
  err.status = 503;
  err.retryable = true;
  return err;
}
const err = request('/api');
console.log('status', err.status, 'retryable', err.retryable);
console.log('throwing an error with properties');
throw err;
