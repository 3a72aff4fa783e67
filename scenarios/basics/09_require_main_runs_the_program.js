// @title  require.main === module: the file node was started with runs its main code
// @lesson A file that can be both a program and a module guards its main code with
// @lesson `require.main === module`. Run as `node FILE` it is the main module, so the guard
// @lesson passes; `module.loaded` turns true once the file's code has run, before the loop's
// @lesson first callback.
// @runs   50
function main() {
  console.log('main runs: this file is the program');
  setImmediate(() => console.log('first callback: module loaded is', module.loaded));
}

console.log('module loaded while the file runs:', module.loaded);
if (require.main === module) main();
