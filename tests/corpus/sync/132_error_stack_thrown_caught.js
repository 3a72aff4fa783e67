// The stack of a caught runtime error lists the functions it passed through.
function level3(obj) {
  return obj.deep.value;
}
function level2(obj) {
  return level3(obj) + 1;
}
function level1() {
  return level2({});
}
try {
  level1();
} catch (e) {
  console.log(e);
}
class Parser {
  parse(text) {
    if (!text) throw new SyntaxError('empty input');
    return text.length;
  }
}
try {
  new Parser().parse('');
} catch (e) {
  console.log(e);
}
const arrowThrows = () => {
  throw new Error('from arrow');
};
try {
  [1].map(arrowThrows);
} catch (e) {
  console.log(e);
}
