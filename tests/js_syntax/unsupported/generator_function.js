// Generators are outside the dialect.
function* gen() {
  yield 1;
}
