// Recursive walks over nested data: depth, sum, flatten and path listing.
const tree = {
  name: 'root',
  size: 1,
  children: [
    { name: 'a', size: 2, children: [{ name: 'a1', size: 4, children: [] }] },
    { name: 'b', size: 3, children: [] },
    {
      name: 'c',
      size: 5,
      children: [
        { name: 'c1', size: 6, children: [] },
        { name: 'c2', size: 7, children: [{ name: 'c2x', size: 8, children: [] }] },
      ],
    },
  ],
};
const depth = (n) => 1 + Math.max(0, ...n.children.map(depth));
const total = (n) => n.size + n.children.reduce((s, c) => s + total(c), 0);
function paths(n, prefix = '') {
  const here = prefix ? prefix + '/' + n.name : n.name;
  return n.children.reduce((acc, c) => acc.concat(paths(c, here)), [here]);
}
console.log(depth(tree), total(tree));
console.log(paths(tree));
function printTree(n, indent = 0) {
  console.log(' '.repeat(indent) + n.name + ' (' + n.size + ')');
  n.children.forEach((c) => printTree(c, indent + 2));
}
printTree(tree);
