// A return in finally overrides the try's return or a pending throw.
function overrideReturn() {
  try {
    return 'try';
  } finally {
    return 'finally';
  }
}
function swallow() {
  try {
    throw new Error('lost');
  } finally {
    return 'swallowed';
  }
}
console.log(overrideReturn(), swallow());
function evaluated() {
  let x = 1;
  try {
    return x;
  } finally {
    x = 2;
    console.log('x set to', x);
  }
}
console.log(evaluated());
function rethrow() {
  try {
    throw new Error('first');
  } catch {
    throw new Error('second from catch');
  } finally {
    console.log('cleanup');
  }
}
try {
  rethrow();
} catch (e) {
  console.log(e.message);
}
