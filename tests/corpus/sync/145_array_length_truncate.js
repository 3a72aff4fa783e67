// Setting length truncates or extends; indexes past the end extend the array.
const a = [1, 2, 3, 4, 5];
a.length = 3;
console.log(a, a.length);
a.length = 0;
console.log(a, a[0]);
const b = [1, 2];
b[4] = 5;
console.log(b.length, b[3]);
const c = [];
c[0] = 'x';
c[1] = 'y';
console.log(c, c.length);
const d = ['p', 'q', 'r'];
d.length--;
console.log(d);
const e = [10, 20, 30];
e.splice(0);
console.log(e, e.length);
