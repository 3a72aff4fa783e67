import { readFile } from 'fs';
