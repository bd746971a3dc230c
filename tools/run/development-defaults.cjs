// Tests run on a development machine: secrets may use their public development defaults (a
// deployment never sets this; see MUKTI_DEVELOPMENT_DEFAULTS in libs/config).
process.env.MUKTI_DEVELOPMENT_DEFAULTS ??= 'true';
