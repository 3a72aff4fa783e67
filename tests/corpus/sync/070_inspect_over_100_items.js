// Arrays with more than 100 items print the first 100 and "... N more items".
const n101 = [];
for (let i = 0; i < 101; i++) n101.push(i);
console.log(n101);
const n250 = [];
for (let i = 0; i < 250; i++) n250.push(i % 7);
console.log(n250);
const s120 = [];
for (let i = 0; i < 120; i++) s120.push('s' + i);
console.log(s120);
const exactly100 = [];
for (let i = 0; i < 100; i++) exactly100.push(i * 3);
console.log(exactly100.length);
console.log(exactly100);
