// Counting words in a text and printing the most frequent ones.
const text = `the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick fox is a happy fox`;
const counts = {};
for (const line of text.split('\n')) {
  for (const word of line.split(' ')) {
    if (!word) continue;
    counts[word] = (counts[word] || 0) + 1;
  }
}
const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
console.log(ranked.slice(0, 5));
for (const [word, n] of ranked.slice(0, 3)) {
  console.log(`${word.padEnd(6)} ${'*'.repeat(n)} ${n}`);
}
console.log('distinct words:', Object.keys(counts).length);
console.log(counts);
