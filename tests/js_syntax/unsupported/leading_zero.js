const n = 09;
