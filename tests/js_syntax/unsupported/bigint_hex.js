const mask = 0xFFn;
