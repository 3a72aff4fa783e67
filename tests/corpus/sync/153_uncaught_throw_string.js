// Throwing a non-Error value uncaught: node prints the value without a stack.
console.log('about to throw a string');
const items = [1, 2, 3];
let processed = 0;
for (const i of items) {
  if (i === 2) {
    console.log('processed', processed, 'items');
    throw 'stopped at ' + i;
  }
  processed++;
  console.log('item', i);
}
