/**
 * Dependency direction of ../shared/STYLE.md: arrows point down only.
 * Each rule forbids a folder from importing folders above it; cycles are forbidden everywhere.
 */
const allowed = {
  core: [],
  store: ['core'],
  nlu: ['core'],
  retrieval: ['core', 'store', 'nlu'],
  ops: ['core', 'store'],
  bot: ['core', 'nlu', 'retrieval', 'ops', 'store'],
  monitor: ['core', 'store', 'nlu'],
  jobs: ['core', 'ops', 'monitor', 'store'],
  adapters: ['core', 'bot'],
  server: ['core', 'store', 'nlu', 'retrieval', 'ops', 'bot', 'monitor', 'jobs', 'adapters', 'web'],
};
const all = Object.keys(allowed);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...all.map((folder) => ({
      name: `${folder}-imports-only-below`,
      comment: `${folder}/ may import only: ${allowed[folder].join(', ') || 'nothing internal'}`,
      severity: 'error',
      from: { path: `^${folder}/` },
      to: {
        path: `^(${all.concat(['web', 'tests', 'bench']).filter((f) => f !== folder && !allowed[folder].includes(f)).join('|')})/`,
      },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: 'node_modules' },
  },
};
