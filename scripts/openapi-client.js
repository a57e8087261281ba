#!/usr/bin/env node
// The typed client in clients/typescript is generated from the API's OpenAPI document:
//   generate  writes clients/typescript/openapi.json (the document /docs/openapi.json serves, built
//             offline from the compiled app: no database, no port) and schema.d.ts (openapi-typescript);
//   check     generates into a temporary folder, fails when the committed files differ (run
//             `npm run client:generate` and commit), then type-checks the client and its usage example.
// Both need the compiled app (dist/): the npm scripts `client:generate` and `client:check` build first.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const CLIENT = path.join(ROOT, 'clients', 'typescript');
const GENERATED = ['openapi.json', 'schema.d.ts'];
const DOCUMENT_WRITER = path.join(ROOT, 'dist', 'apps', 'api', 'src', 'openapi-document.js');

async function generate(folder) {
  if (!fs.existsSync(DOCUMENT_WRITER)) throw new Error(`${path.relative(ROOT, DOCUMENT_WRITER)} is missing: run \`npm run build\` first`);
  const documentFile = path.join(folder, 'openapi.json');
  execFileSync(process.execPath, [DOCUMENT_WRITER, documentFile], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(fs.readFileSync(documentFile, 'utf8')), { silent: true });
  fs.writeFileSync(path.join(folder, 'schema.d.ts'), astToString(ast));
}

function typeCheck() {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(CLIENT, 'tsconfig.json'), '--noEmit'], { cwd: ROOT, stdio: 'inherit' });
}

async function main() {
  const command = process.argv[2];
  if (command === 'generate') {
    await generate(CLIENT);
    for (const file of GENERATED) console.log(`wrote ${path.relative(ROOT, path.join(CLIENT, file))}`);
    return;
  }
  if (command === 'check') {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'samvirke-client-'));
    try {
      await generate(scratch);
      const stale = GENERATED.filter((file) => {
        const committed = path.join(CLIENT, file);
        return !fs.existsSync(committed) || fs.readFileSync(committed, 'utf8') !== fs.readFileSync(path.join(scratch, file), 'utf8');
      });
      if (stale.length > 0) {
        console.error(
          `client: ${stale.map((file) => `clients/typescript/${file}`).join(' and ')} differ from what the API generates: run \`npm run client:generate\` and commit`,
        );
        process.exitCode = 1;
        return;
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    typeCheck();
    console.log('client: clients/typescript is up to date and type-checks');
    return;
  }
  console.error('usage: node scripts/openapi-client.js generate|check');
  process.exitCode = 2;
}

main().catch((error) => {
  console.error(`client: ${error.message}`);
  process.exitCode = 1;
});
