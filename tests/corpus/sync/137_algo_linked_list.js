// A singly linked list with classes: append, reverse, toArray.
class Node {
  constructor(value, next = null) {
    this.value = value;
    this.next = next;
  }
}
class List {
  constructor() {
    this.head = null;
    this.length = 0;
  }
  append(v) {
    const node = new Node(v);
    let cur = this.head;
    while (cur && cur.next) cur = cur.next;
    if (cur) cur.next = node;
    else this.head = node;
    this.length++;
    return this;
  }
  reverse() {
    let prev = null;
    let cur = this.head;
    while (cur) [cur.next, prev, cur] = [prev, cur, cur.next];
    this.head = prev;
    return this;
  }
  toArray() {
    const out = [];
    for (let n = this.head; n; n = n.next) out.push(n.value);
    return out;
  }
}
const list = new List().append(1).append(2).append(3);
console.log(list.toArray(), list.length);
console.log(list.reverse().toArray());
console.log(new List().append('x'));
console.log(list);
