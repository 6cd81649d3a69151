"use strict";
// The benchmarks' command-line options: `--name N` or `--name=N`, positive integers only.

/** `defaults` names every option and its value when not given; an unknown name or a bad number is an error. */
function integerOptions(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") continue;
    const [key, inline] = argv[i].replace(/^--/, "").split("=", 2);
    if (!(key in options)) throw new Error(`Unknown argument ${argv[i]} (options: ${Object.keys(options).map((k) => `--${k}`).join(", ")})`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${key} needs a positive integer`);
    options[key] = value;
  }
  return options;
}

module.exports = { integerOptions };
