// slice copies a range; splice removes and inserts in place and returns what it removed.
const a = ['a', 'b', 'c', 'd', 'e'];
console.log(a.slice(1, 3), a.slice(2), a.slice(-2), a.slice(-3, -1), a.slice());
console.log(a.slice(3, 1), a.slice(10));
const b = [1, 2, 3, 4, 5];
console.log(b.splice(1, 2), b);
console.log(b.splice(1, 0, 'x', 'y'), b);
console.log(b.splice(-1), b);
console.log(b.splice(0, 1, 'first'), b);
console.log(b.splice(2), b);
const c = [1, 2, 3];
console.log(c.splice(), c);
console.log(c.splice(1, 100), c);
