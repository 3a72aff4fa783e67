// Strings are UTF-16: length counts code units, for...of walks code points.
const s = 'héllo wörld';
console.log(s.length, s.toUpperCase());
const emoji = 'a😀b';
console.log(emoji.length, [...emoji].length, emoji[1] === '😀', emoji.slice(1, 3));
for (const ch of emoji) console.log(ch, ch.length);
console.log(emoji.split(''));
console.log([...emoji]);
console.log('ñ'.charCodeAt(0), 'ñ' < 'o', 'Z' < 'a');
const reversed = [...'stressed'].reverse().join('');
console.log(reversed);
console.log('日本語'.length, '日本語'.at(-1), '日本語'.includes('本'));
console.log(['ä', 'a', 'z', 'é'].sort());
