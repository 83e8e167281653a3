// Minimal flag parsing: --name value, --flag; unknown flags are errors.
export function parseArgs(argv: string[], known: { values: string[]; flags: string[] }): { values: Record<string, string>; flags: Set<string>; errors: string[] } {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') ? a.slice(2).split(/=(.*)/s, 2) : [null, null];
    if (name === null) errors.push(`unexpected argument "${a}"`);
    else if (known.flags.includes(name)) flags.add(name);
    else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) errors.push(`--${name} needs a value`);
      else values[name] = value;
    } else errors.push(`unknown option --${name}`);
  }
  return { values, flags, errors };
}
