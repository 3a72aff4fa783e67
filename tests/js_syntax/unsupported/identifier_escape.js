var \u0061bc = 1;
