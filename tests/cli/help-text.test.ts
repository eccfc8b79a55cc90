/**
 * `--help` is the operator's manual at the counter: every command and every flag of every command says what
 * it is for, and the choices a flag takes are the ones the work behind it accepts.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerBatchCommand } from '../../src/cli/batch-commands.js';
import { registerCountiesCommand } from '../../src/cli/counties-command.js';
import { registerDirectoryCommands } from '../../src/cli/directory-commands.js';
import { registerGenerateCommand } from '../../src/cli/generate-command.js';
import { registerLocalesCommands } from '../../src/cli/locales-commands.js';
import { confirmationMethods, confirmationResults } from '../../src/directory/schema.js';

/** The whole command tree as main() builds it, with no work behind any command. */
function commandTree(): Command {
  const program = new Command('release-packet');
  const nothing = async () => undefined;
  registerGenerateCommand(program, () => undefined);
  registerBatchCommand(program, () => undefined);
  registerDirectoryCommands(program, nothing);
  registerCountiesCommand(program, nothing);
  registerLocalesCommands(program, nothing);
  return program;
}

function everyCommand(command: Command, path: string[] = []): { path: string; command: Command }[] {
  return command.commands.flatMap((sub) => [{ path: [...path, sub.name()].join(' '), command: sub }, ...everyCommand(sub, [...path, sub.name()])]);
}

describe('--help', () => {
  it('says what every command and every flag is for', () => {
    const commands = everyCommand(commandTree());
    expect(commands.map(({ path }) => path)).toEqual(expect.arrayContaining(['generate', 'batch', 'directory check', 'directory verify', 'counties', 'locales new']));
    for (const { path, command } of commands) {
      expect(command.description(), path).toMatch(/\w{3}/);
      for (const option of command.options) expect(option.description, `${path} ${option.flags}`).toMatch(/\w{2}/);
      for (const argument of command.registeredArguments) expect(argument.description, `${path} <${argument.name()}>`).toMatch(/\w{3}/);
    }
  });

  it('offers as choices what the commands accept', () => {
    const commands = new Map(everyCommand(commandTree()).map(({ path, command }) => [path, command]));
    const choices = (path: string, flag: string) => commands.get(path)!.options.find((option) => option.long === flag)!.argChoices;
    // The verification flags offer exactly what an entry's history records.
    expect(choices('directory verify', '--method')).toEqual([...confirmationMethods]);
    expect(choices('directory verify', '--result')).toEqual([...confirmationResults]);
    expect(choices('batch', '--youth')).toEqual(['no', 'both', 'only']);
    expect(choices('batch', '--paper')).toEqual(['letter', 'a4']);
    expect(choices('locales new', '--dir-text')).toEqual(['ltr', 'rtl']);
  });
});
