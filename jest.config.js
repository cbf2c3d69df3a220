/** Jest runs TypeScript through SWC (fast, no type-check: `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // ESM-only packages (openid-client and its parts, oidc-provider) are compiled to CommonJS like @prisma/client.
  transformIgnorePatterns: ['/node_modules/(?!(@prisma/client|openid-client|oauth4webapi|jose|oidc-provider)/)'],
  testTimeout: 120000,
  maxWorkers: 2,
};
