// @title  Synchronous code runs top to bottom
// @lesson Plain statements and function calls never touch the event loop: they run on the main
// @lesson thread in source order, so 'start' comes first and 'end' last.
// @runs   50
console.log('start');

function greet(name) {
  console.log(`hello, ${name}`);
}

greet('event loop');
console.log('end');
