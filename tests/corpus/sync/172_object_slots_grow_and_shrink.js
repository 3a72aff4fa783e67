// Objects start with room for their literal's properties (or none) and grow past it; a
// closure's own properties come first; deleting and re-adding keeps creation order.
'use strict';
const o = { a: 1, b: 2 };
for (const k of ['c', 'd', 'e', 'f', 'g']) o[k] = k.charCodeAt(0);
console.log(Object.keys(o).join(','), Object.values(o).join(','));
delete o.g;
o.h = 'h';
delete o.b;
console.log(JSON.stringify(o));
function named(x, y) {
  return x + y;
}
const arrow = (p) => p;
named.extra = true;
console.log(Object.getOwnPropertyNames(named).join(','), named.length, named.name);
console.log(Object.getOwnPropertyNames(arrow).join(','), arrow.length, JSON.stringify(arrow.name));
console.log(Object.getOwnPropertyNames(named.prototype).join(','), named.prototype.constructor === named);
const many = {};
for (let i = 0; i < 140; i++) many['k' + i] = i;
delete many.k3;
console.log(Object.keys(many).length, many.k139, many.k3, Object.keys(many).slice(0, 5).join(','));
const withIndex = { x: 1 };
withIndex[2] = 'two';
withIndex[0] = 'zero';
console.log(Object.keys(withIndex).join(','), Object.isExtensible(withIndex));
Object.preventExtensions(withIndex);
try {
  withIndex.y = 1;
} catch (e) {
  console.log(e.constructor.name);
}
console.log(Object.isExtensible(withIndex), withIndex.y);
