const re = /ab+c/;
