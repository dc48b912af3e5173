#!/usr/bin/env -S npx tsx
/**
 * `pnpm --silent tally --rule <name> <file.pb> [--explain] [--tie-break lowerCost,id]`
 * Prints one JSON object on stdout; errors go to stderr with a non-zero exit code:
 * 2 usage / unknown rule, 3 rule not applicable to the file, 4 unreadable or malformed file.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatMoney } from './pabulib/decimal';
import { PabulibError } from './pabulib/errors';
import { readPabulibFile } from './pabulib/read';
import { RuleNotApplicableError } from './rules/errors';
import { getRule, ruleKeys, runRule, UnknownRuleError } from './rules/index';
import { parseTieBreak } from './rules/tieBreak';
import type { TieBreak } from './rules/types';

const USAGE = `usage: tally --rule <name> <file.pb> [--explain] [--tie-break lowerCost,id]
rules: ${ruleKeys().join(', ')}
tie-break criteria: lowerCost, higherCost, moreVotes, id (default for every rule: id, as pabutools)`;

class UsageError extends Error {}

interface CliArgs {
  rule: string;
  file: string;
  explain: boolean;
  tieBreak?: TieBreak;
}

function parseArgs(argv: readonly string[]): CliArgs | 'help' {
  let rule: string | undefined;
  let file: string | undefined;
  let explain = false;
  let tieBreak: TieBreak | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--rule') rule = value();
    else if (flag === '--explain') explain = true;
    else if (flag === '--tie-break') {
      try {
        tieBreak = parseTieBreak(value());
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!rule) throw new UsageError('missing --rule <name>');
  if (!getRule(rule)) throw new UnknownRuleError(`unknown rule "${rule}" (known: ${ruleKeys().join(', ')})`);
  if (!file) throw new UsageError('missing the .pb file to count');
  return tieBreak ? { rule, file, explain, tieBreak } : { rule, file, explain };
}

const natural = new Intl.Collator('en', { numeric: true });

export async function main(argv: readonly string[], cwd = process.env.INIT_CWD ?? process.cwd()): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const path = isAbsolute(args.file) ? args.file : resolve(cwd, args.file);
    const instance = await readPabulibFile(path);
    const result = runRule(args.rule, instance, args.tieBreak ? { tieBreak: args.tieBreak } : {});
    const selected = [...result.selected].sort((a, b) => natural.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    const out: Record<string, unknown> = {
      rule: args.rule,
      selected,
      cost: formatMoney(result.cost, instance.moneyScale),
    };
    if (args.explain) out.explanation = result.explanation;
    process.stdout.write(JSON.stringify(out, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || error instanceof UnknownRuleError) {
      process.stderr.write(`tally: ${message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof RuleNotApplicableError) {
      process.stderr.write(`tally: ${message}\n`);
      return 3;
    }
    if (error instanceof PabulibError) {
      process.stderr.write(`tally: malformed .pb file, ${message}\n`);
      return 4;
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`tally: cannot read file: ${message}\n`);
      return 4;
    }
    process.stderr.write(`tally: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
