// node rejects this file too: a syntax error
setTimeout(() => console.log('a'), 0;
