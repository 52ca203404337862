// `klpc completion bash|zsh`: a shell completion script generated from the commander program
// itself (its commands, their options, which options take a value and which of those take a
// file), so completion cannot drift from the CLI. Completes command names, options, file names
// after `--itf`/`--dot`/`-o`..., and .klp files (and folders) for the spec arguments. zsh runs
// the same function through its bash compatibility layer (bashcompinit).

import type { Command, Option } from 'commander';

export const SHELLS = ['bash', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

interface CommandInfo {
  readonly name: string;
  readonly options: string[]; // every spelling: --max-states, -q, --quiet
  readonly valued: string[]; // options followed by a value
  readonly fileValued: string[]; // ... that is a path
}

const names = (o: Option): string[] => [o.long, o.short].filter((n): n is string => n !== undefined);

function info(cmd: Command): CommandInfo {
  const options = [...cmd.options, ...(cmd.options.some((o) => o.long === '--help') ? [] : [{ long: '--help', short: '-h', flags: '-h, --help', required: false, optional: false } as Option])];
  const valued = options.filter((o) => o.required || o.optional);
  return {
    name: cmd.name(),
    options: options.flatMap(names),
    valued: valued.flatMap(names),
    fileValued: valued.filter((o) => /<(file|dir)>/i.test(o.flags)).flatMap(names),
  };
}

const words = (xs: readonly string[]): string => xs.join(' ');
const alternatives = (xs: readonly string[]): string => (xs.length === 0 ? '__none__' : xs.join('|'));

export function completionScript(program: Command, shell: Shell): string {
  const cmds = program.commands.filter((c) => c.name() !== 'completion').map(info);
  const cases = cmds.map((c) => [
    `    ${c.name})`,
    `      opts="${words(c.options)}"`,
    `      case "$prev" in`,
    `        ${alternatives(c.fileValued)}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;`,
    `        ${alternatives(c.valued.filter((v) => !c.fileValued.includes(v)))}) COMPREPLY=(); return ;;`,
    '      esac ;;',
  ].join('\n'));
  const fn = `_klpc() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W "${words([...cmds.map((c) => c.name), 'completion', '--help', '--version'])}" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
    completion) COMPREPLY=( $(compgen -W "${words(SHELLS)}" -- "$cur") ); return ;;
    *) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -X '!*.klp' -- "$cur") $(compgen -d -- "$cur") )
  fi
}`;
  if (shell === 'bash') {
    return `# klpc completion for bash: add to ~/.bashrc\n#   source <(klpc completion bash)\n${fn}\ncomplete -o filenames -F _klpc klpc\n`;
  }
  return `#compdef klpc\n# klpc completion for zsh: add to ~/.zshrc (after compinit)\n#   source <(klpc completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n${fn}\ncomplete -o filenames -F _klpc klpc\n`;
}
