// console.error and console.warn write to stderr; log and info to stdout.
console.log('to stdout 1');
console.error('to stderr 1');
console.info('info goes to stdout');
console.warn('warn goes to stderr');
console.error('error with', { obj: [1, 2] }, 'and', 3);
console.warn('%s formatted %d', 'warn', 7);
console.log('to stdout 2');
console.error(['array', 'on', 'stderr']);
console.debug('debug goes to stdout');
console.error();
console.log('done');
