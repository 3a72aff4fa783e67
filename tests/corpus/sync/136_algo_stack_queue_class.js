// A stack and a queue as classes, used to check balanced brackets.
class Stack {
  constructor() {
    this.items = [];
  }
  push(v) {
    this.items.push(v);
  }
  pop() {
    return this.items.pop();
  }
  peek() {
    return this.items[this.items.length - 1];
  }
  get size() {
    return this.items.length;
  }
}
const pairs = { ')': '(', ']': '[', '}': '{' };
function balanced(text) {
  const s = new Stack();
  for (const ch of text) {
    if ('([{'.includes(ch)) s.push(ch);
    else if (ch in pairs) {
      if (s.pop() !== pairs[ch]) return false;
    }
  }
  return s.size === 0;
}
for (const t of ['()', '([]{})', '(]', '((', 'a(b)c', '']) {
  console.log(JSON.stringify(t), balanced(t));
}
const st = new Stack();
st.push(1);
st.push(2);
console.log(st, st.peek(), st.size);
