const g = function* () {};
