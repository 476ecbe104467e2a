// The layer rule (README, "Architecture"): app -> features/components -> trpc -> server/api -> domain
// -> infrastructure, each layer importing only from layers below it; src/shared and src/server/text are
// leaves; composition roots and tests are exempt. `npm run check:layers` runs it.
// The one rule a module graph cannot express, "TRPCError only under src/server/api" (a named import
// from @trpc/server), lives in eslint.config.mjs (no-restricted-imports).

const app = '^src/app/'
const features = '^src/(features|components)/'
const trpc = '^src/trpc/'
const api = '^src/server/(api/|agents/agent-api\\.ts$)'
const domain = '^src/server/(domain/|import/|agents/agent-hook\\.ts$)'
const leaves = '^src/(shared|server/text|types)/'

// Composition roots wire every layer together; tests and their helpers build whatever they exercise.
const exempt = [
  '^server\\.ts$',
  '^src/server/background\\.ts$',
  '^src/server/messaging-pipeline\\.ts$',
  '^src/server/metrics-sources\\.ts$',
  '^src/server/testing/',
  '^src/.*/testing/',
  '\\.(int\\.)?test\\.tsx?$',
]

/** A layer (everything under src/ that is not exempt) may not import the layers above it. */
const layer = (name, path, above) => ({
  name: `layer-${name}`,
  comment: `${name} imports only from layers below it (see layers in .dependency-cruiser.cjs)`,
  severity: 'error',
  from: { path, pathNot: exempt },
  to: { path: above },
})

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    layer('features', features, [app]),
    layer('trpc', trpc, [app, features]),
    layer('api', api, [app, features, trpc]),
    layer('domain', domain, [app, features, trpc, api]),
    // Infrastructure: every other module under src/server (whatsapp, queues, events, db, redis, auth, ...)
    // plus src/i18n. It must not reach up into domain: workers get their processors injected.
    {
      name: 'layer-infrastructure',
      comment: 'infrastructure (whatsapp, queues, events, db, redis, auth, i18n, ...) must not import domain or anything above it',
      severity: 'error',
      from: { path: ['^src/server/', '^src/i18n/'], pathNot: [...exempt, api, domain, leaves] },
      to: { path: [app, features, trpc, api, domain] },
    },
    {
      name: 'leaf-imports-only-leaves',
      comment: 'src/shared and src/server/text are pure leaves: they import only each other, packages and the Prisma enums',
      severity: 'error',
      from: { path: leaves, pathNot: exempt },
      // Prisma's enums.ts is import-free constants: src/shared may re-export it for the browser.
      to: { path: '^src/', pathNot: [leaves, '^src/server/db/generated/enums\\.ts$'] },
    },
    {
      name: 'react-never-imports-server',
      comment: 'React code runs in the browser: it gets what it needs from src/shared (or through src/trpc), never from src/server',
      severity: 'error',
      from: { path: features, pathNot: exempt },
      to: { path: '^src/server/' },
    },
    {
      name: 'trpc-imports-only-the-router-type',
      comment: 'the tRPC client may know the AppRouter type (type-only, from src/server/api/root), nothing else from src/server',
      severity: 'error',
      // src/trpc/server.ts is the `server-only` caller for React Server Components (the create-t3-app pattern).
      from: { path: trpc, pathNot: [...exempt, '^src/trpc/server\\.ts$'] },
      to: { path: '^src/server/', pathNot: '^src/server/api/root\\.ts$' },
    },
    {
      name: 'trpc-imports-the-router-type-only',
      comment: 'the tRPC client may import AppRouter as a type, never a value from the server',
      severity: 'error',
      from: { path: trpc, pathNot: [...exempt, '^src/trpc/server\\.ts$'] },
      to: { path: '^src/server/api/root\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'whatsapp-web-js-only-in-its-engine',
      comment: 'only src/server/whatsapp/engines/webjs imports whatsapp-web.js; the rest speaks our engine types',
      severity: 'error',
      from: { pathNot: '^src/server/whatsapp/engines/webjs/' },
      to: { path: '(^|/)node_modules/whatsapp-web\\.js/' },
    },
    {
      name: 'no-testing-helpers-in-production',
      comment: 'src/server/testing is for tests; production code must not depend on it',
      severity: 'error',
      from: { path: '^src/', pathNot: exempt },
      to: { path: '^src/server/testing/' },
    },
    {
      name: 'no-circular',
      comment: 'a cycle ties modules together so neither can be understood, tested or moved alone',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/server/db/generated/' },
      to: { circular: true },
    },
  ],
  options: {
    // Generated Prisma code is a dependency like a package: imports of it count (React code must not
    // import it), but what it imports is not ours to check. `exclude` would hide the imports too.
    doNotFollow: { path: ['node_modules', '^src/server/db/generated/'] },
    exclude: { path: ['^\\.next/', '^node_modules/'] },
    // Type-only imports count: they are how the browser could start depending on server code.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs'],
    },
  },
}
