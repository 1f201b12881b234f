/** What the exit code of a run says. */
export const EXIT = {
  /** Every definition is valid (and, with --strict, every SLO has rules). */
  ok: 0,
  /** A definition has a problem, or --strict and an SLO is left out of the rules. */
  problems: 1,
  /** The command line is wrong: unknown command or option, or a file named on it cannot be read. */
  usage: 2,
} as const;

export const USAGE = `Usage:
  reliability validate [options] <file>...   check catalog files and OpenSLO files
  reliability rules [options] <file>...      write Prometheus recording and alerting rules

A <file> is a catalog file (catalog-info.yaml: its Components, Systems, APIs and Resources, their
annotations, inline SLOs and the OpenSLO files they name) or an OpenSLO v1 file (apiVersion:
openslo/v1; the OpenSLO files given are read together, so an SLO may use an SLI of another).
Relative paths are read from the directory the command is run in.

rules prints one rule file for all entities on standard output (promtool check rules loads it),
or with --out-dir one file per entity. Problems, and every SLO left out of the rules with the
reason, are written to standard error as file:line field: reason.

Options:
  --scrape-interval=60s   the metrics' scrape interval that time slices are checked against
  --tiers=0,1,2,3         the levels of the portal's tiers (reliability.tiers), which the
                          reliability-suite.io/tier annotation must name
  --out-dir=<dir>         rules: write one rule file per entity into <dir>, named
                          <kind>.<namespace>.<name>.yaml, instead of printing one file
  --entity=<ref>          rules: the entity (kind:namespace/name) that the SLOs of OpenSLO files
                          given directly belong to; their rules are labelled with it
  --strict                also fail when an SLO is left out of the rules
  -h, --help              print this help

Exit codes:
  0  every definition is valid (with --strict: and every SLO has rules)
  1  a definition has a problem, or with --strict an SLO is left out of the rules
  2  usage error: unknown command or option, a bad option value, a file that cannot be read
`;
