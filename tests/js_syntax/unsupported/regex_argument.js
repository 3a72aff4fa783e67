console.log('abc'.replace(/b/g, 'x'));
