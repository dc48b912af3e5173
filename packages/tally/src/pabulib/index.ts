export { PabulibError } from './errors';
export { parsePabulib, readPabulibFile, PabulibLineParser } from './read';
export { writePabulib, writePabulibTo, pabulibLines } from './write';
export { formatMoney, parseDecimal } from './decimal';
export { splitRecord } from './csv';
