import { GLOBAL_OPTIONS, HELP_OPTION } from './globals.js';
import type { CommandSpec, GroupCommand, OptionSpec, OptionsSpec } from './spec.js';

const WIDTH = 100;
/** Descriptions start in this column unless a label is longer. */
const MAX_LABEL = 24;

/** Words of `text` in lines of at most `width` (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function paragraphs(text: string, indent: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      wrap(p, WIDTH - indent.length)
        .map((l) => indent + l)
        .join('\n'),
    )
    .join('\n\n');
}

/** `--jobs N` */
export function longLabel(name: string, o: OptionSpec): string {
  return `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
}

/** `--jobs, -j N` */
export function optionLabel(name: string, o: OptionSpec): string {
  return o.short === undefined ? longLabel(name, o) : `--${name}, -${o.short}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
}

type Rows = readonly (readonly [string, string])[];

/** The column descriptions start in: after the longest label, within reason. */
const columnFor = (...tables: Rows[]): number => Math.min(MAX_LABEL, Math.max(0, ...tables.flat().map(([label]) => label.length)));

/** Two columns, label and description, the description wrapped beside it. */
function table(rows: Rows, column = columnFor(rows), indent = '  '): string[] {
  const lines: string[] = [];
  for (const [label, description] of rows) {
    const text = wrap(description, WIDTH - indent.length - column - 2);
    const pad = ' '.repeat(indent.length + column + 2);
    if (label.length > column) lines.push(indent + label, ...text.map((l) => pad + l));
    else lines.push(...text.map((l, i) => (i === 0 ? `${indent}${label.padEnd(column)}  ${l}` : pad + l)));
  }
  return lines;
}

/** Label and description of each option. */
export function optionRows(options: OptionsSpec): Rows {
  return Object.entries(options).map(([name, o]) => [optionLabel(name, o), o.required === true ? `${o.description} (required)` : o.description] as const);
}

/** One line per option (more when its description wraps): label, then what it does. */
export function optionLines(options: OptionsSpec, column?: number): string[] {
  return table(optionRows(options), column);
}

/** `stasis-farm sign DIST --key FILE [options]` */
export function usageLine(spec: CommandSpec): string {
  const parts = [`stasis-farm ${spec.name}`];
  for (const p of spec.positionals ?? []) {
    const name = p.repeats === true ? `${p.name}...` : p.name;
    parts.push(p.optional === true ? `[${name}]` : name);
  }
  const options = Object.entries(spec.options);
  for (const [name, o] of options) if (o.required === true) parts.push(longLabel(name, o));
  if (options.some(([, o]) => o.required !== true)) parts.push('[options]');
  return parts.join(' ');
}

function section(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? '' : `\n${title}\n${lines.join('\n')}\n`;
}

const GLOBAL_ROWS = optionRows({ ...GLOBAL_OPTIONS, ...HELP_OPTION });

const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

function commandBody(spec: CommandSpec, column: number): string {
  const about = paragraphs(spec.description === undefined ? sentence(spec.summary) : `${sentence(spec.summary)}\n\n${spec.description}`, '');
  const args = (spec.positionals ?? []).map((p) => [p.repeats === true ? `${p.name}...` : p.name, p.description] as const);
  return `Usage: ${usageLine(spec)}\n\n${about}\n${section('Arguments', table(args, column))}${section('Options', table(optionRows(spec.options), column))}`;
}

const columnOf = (spec: CommandSpec): number =>
  columnFor(
    optionRows(spec.options),
    (spec.positionals ?? []).map((p) => [p.repeats === true ? `${p.name}...` : p.name, ''] as const),
  );

/** `stasis-farm <command> --help`: usage, what it does, its arguments and options, the global options. */
export function commandHelp(spec: CommandSpec): string {
  const column = Math.max(columnOf(spec), columnFor(GLOBAL_ROWS));
  return commandBody(spec, column) + section('Global options', table(GLOBAL_ROWS, column));
}

/** `stasis-farm image --help`: what each subcommand does, then each one's usage and options. */
export function groupHelp(group: GroupCommand): string {
  const subs = Object.values(group.subcommands);
  const column = Math.max(columnFor(GLOBAL_ROWS), ...subs.map((s) => columnOf(s.spec)));
  const list = table(
    subs.map((s) => [s.spec.name.slice(group.name.length + 1), s.spec.summary] as const),
    column,
  );
  const each = subs.map((s) => `\n${commandBody(s.spec, column)}`).join('');
  return `Usage: stasis-farm ${group.name} <subcommand> [options]\n\n${paragraphs(sentence(group.summary), '')}\n${section('Subcommands', list)}${each}${section('Global options', table(GLOBAL_ROWS, column))}`;
}
