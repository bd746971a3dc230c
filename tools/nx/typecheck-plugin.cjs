// A `typecheck` target for every project (apps/*, libs/*, libs/<scope>/<type>, tools): its own files type-checked
// against the workspace's tsconfig.base.json, cached by Nx on its files and its dependencies'.
// (@nx/js/typescript infers `tsc --build` targets, which need TypeScript project references and
// a tsconfig per project; the workspace has one tsconfig, so this is that plugin's job done on it.)
const path = require('node:path');

const createNodes = [
  '{apps,libs,tools}/**/project.json',
  (configFiles) =>
    configFiles.map((file) => {
      const projectRoot = path.dirname(file);
      return [
        file,
        {
          projects: {
            [projectRoot]: {
              targets: {
                typecheck: {
                  command: `node tools/nx/typecheck-project.mjs ${projectRoot}`,
                  options: { cwd: '{workspaceRoot}' },
                  cache: true,
                  inputs: ['default', '^production', { externalDependencies: ['typescript'] }],
                  outputs: [],
                  metadata: { technologies: ['typescript'], description: "Type-checks the project's files (tsc, no emit)" },
                },
              },
            },
          },
        },
      ];
    }),
];

module.exports = { name: 'mukti-typecheck', createNodesV2: createNodes, createNodes };
