#!/usr/bin/env node
// Dependencies point one way (../shared/STYLE.md): the core imports no edge, no library imports one
// that imports it back, and apps share code only through libraries. This reads every import of
// apps/ and libs/ with the TypeScript compiler's own import scanner (static imports, re-exports,
// import() and require() with a literal name) and fails, naming file, line and target, on:
//   (a) a cycle between libraries;
//   (b) a library importing one of its own layer or a higher one (the LAYERS table below);
//   (c) an app importing another app's files, or a library importing an app's files;
//   (d) a core library importing a web framework or request validation (CORE_FORBIDDEN);
//   and production code importing test code (specs, testing/ folders, test/).
// Tests (specs and testing/ folders) may import any library: they assemble the parts they test.
// Usage: node scripts/check-dependencies.js [--graph]   (--graph prints the library-level edges)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');

/**
 * The layers, lowest first. A library imports only libraries of LOWER layers, so a cycle between
 * libraries cannot be written without first breaking this table. A new library must be added here.
 */
const LAYERS = [
  { name: 'base', libs: ['platform', 'event-store', 'reference-data'], says: 'infrastructure, the event-store port and adapters, versioned reference data' },
  { name: 'core', libs: ['case'], says: "the case's pure decider: commands, events, state, rules" },
  { name: 'rules', libs: ['access', 'field-rules'], says: 'authentication, the read and write policies, the read audit; what request fields must be' },
  { name: 'gate', libs: ['commands'], says: 'the one write path: load, authorize, decide, append' },
  { name: 'privacy', libs: ['privacy'], says: 'sealed personal data, keys, erasure and retention (through the gate), the citizen copy' },
  {
    name: 'edges',
    libs: ['command-api', 'projections', 'audit', 'demo'],
    says: "HTTP and jobs: case commands, read models, the auditors' endpoints, the demo case load",
  },
  { name: 'reports', libs: ['effects', 'notifications'], says: 'effect measures and notifications, built on the projection runner' },
  { name: 'schema', libs: ['migrations'], says: "the one migration history (TypeORM): every component's tables, in order" },
  { name: 'catalogue', libs: ['read-models'], says: 'which read models exist, for the API, the worker and the CLI' },
];

/** Core libraries: pure code and ports, no web framework or request validation. */
const CORE = ['case', 'reference-data', 'event-store'];
const CORE_FORBIDDEN = [/^@nestjs\//, /^class-validator$/, /^class-transformer$/, /^fastify$/, /^@fastify\//, /^express$/, /^helmet$/];

const SOURCE = /\.(ts|js|mjs|cjs)$/;
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.[cm]?[jt]s$|(^|\/)testing\//;

function layerOf(lib) {
  const index = LAYERS.findIndex((layer) => layer.libs.includes(lib));
  return index < 0 ? undefined : index;
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** 'libs/case/src/x.ts' -> { kind: 'lib', name: 'case' }; test/ and others are no unit. */
function unitOf(relative) {
  const [top, name] = relative.split('/');
  if ((top === 'libs' || top === 'apps') && name) return { kind: top === 'libs' ? 'lib' : 'app', name };
  if (top === 'test') return { kind: 'test', name: 'test' };
  return { kind: 'other', name: top };
}

/** Where an import specifier points: a library, a file of this tree, or a package. */
function resolveTarget(fromRelative, specifier) {
  const alias = /^@samvirke\/([a-z0-9-]+)(\/.*)?$/.exec(specifier);
  if (alias) return { kind: 'lib', name: alias[1], relative: `libs/${alias[1]}/src${alias[2] ?? '/index.ts'}` };
  if (specifier.startsWith('.')) {
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(fromRelative), specifier));
    return { ...unitOf(relative), relative };
  }
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

function readImports() {
  const files = ['apps', 'libs'].flatMap((top) => (fs.existsSync(path.join(ROOT, top)) ? walk(path.join(ROOT, top)) : []));
  const imports = [];
  for (const file of files) {
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const imported of importedFiles) {
      const line = text.slice(0, imported.pos).split('\n').length;
      imports.push({
        file: relative,
        line,
        from: unitOf(relative),
        specifier: imported.fileName,
        to: resolveTarget(relative, imported.fileName),
        test: TEST_FILE.test(relative),
      });
    }
  }
  return { files, imports };
}

/** Tarjan's strongly connected components over the library graph: each one of size > 1 is a cycle. */
function cyclesOf(edges) {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets])])];
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    indexOf.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indexOf.get(next)));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of nodes.sort()) if (!indexOf.has(node)) visit(node);
  return components;
}

function check() {
  const { files, imports } = readImports();
  const problems = { cycles: [], layers: [], apps: [], core: [], tests: [] };
  const at = (i) => `${i.file}:${i.line} imports '${i.specifier}'`;

  const libEdges = new Map();
  const edgeExamples = new Map();
  for (const i of imports) {
    const { from, to } = i;
    if (from.kind === 'app' && to.kind === 'app' && to.name !== from.name)
      problems.apps.push(`${at(i)}: apps never import each other's files; move it into a library`);
    if (from.kind === 'lib' && to.kind === 'app' && !i.test) problems.apps.push(`${at(i)}: a library never imports an app`);
    if (!i.test && (to.kind === 'test' || (to.relative && TEST_FILE.test(to.relative))))
      problems.tests.push(`${at(i)}: production code never imports test code`);
    if (from.kind === 'lib' && CORE.includes(from.name) && !i.test && to.kind === 'package' && CORE_FORBIDDEN.some((p) => p.test(to.name))) {
      problems.core.push(`${at(i)}: '${from.name}' is a core library: no web framework or request validation`);
    }
    if (from.kind !== 'lib' || to.kind !== 'lib' || to.name === from.name || i.test) continue;
    if (!fs.existsSync(path.join(ROOT, 'libs', to.name))) {
      problems.layers.push(`${at(i)}: there is no library '${to.name}'`);
      continue;
    }
    if (!libEdges.has(from.name)) libEdges.set(from.name, new Set());
    libEdges.get(from.name).add(to.name);
    const key = `${from.name} -> ${to.name}`;
    if (!edgeExamples.has(key)) edgeExamples.set(key, []);
    edgeExamples.get(key).push(i);
    const [fromLayer, toLayer] = [layerOf(from.name), layerOf(to.name)];
    if (fromLayer === undefined) problems.layers.push(`${at(i)}: library '${from.name}' is in no layer: add it to LAYERS in scripts/check-dependencies.js`);
    else if (toLayer === undefined) problems.layers.push(`${at(i)}: library '${to.name}' is in no layer: add it to LAYERS in scripts/check-dependencies.js`);
    else if (toLayer >= fromLayer) {
      problems.layers.push(`${at(i)}: '${from.name}' (layer ${LAYERS[fromLayer].name}) may not import '${to.name}' (layer ${LAYERS[toLayer].name})`);
    }
  }
  for (const component of cyclesOf(libEdges)) {
    const inside = [...edgeExamples.entries()].filter(([key]) => {
      const [a, b] = key.split(' -> ');
      return component.includes(a) && component.includes(b);
    });
    problems.cycles.push(
      [
        `libraries ${component.join(', ')} import each other:`,
        ...inside.map(([key, list]) => `    ${key}: ${list.length} import(s), e.g. ${at(list[0])}`),
      ].join('\n'),
    );
  }

  if (process.argv.includes('--graph')) {
    console.log('library imports (production code):');
    for (const key of [...edgeExamples.keys()].sort()) console.log(`  ${key} (${edgeExamples.get(key).length})`);
  }

  const sections = [
    ['(a) cycles between libraries', problems.cycles],
    ['(b) imports against the layer table', problems.layers],
    ['(c) apps importing apps, libraries importing apps', problems.apps],
    ['(d) core libraries importing a web framework or validation', problems.core],
    ['production code importing test code', problems.tests],
  ];
  const count = sections.reduce((sum, [, list]) => sum + list.length, 0);
  if (count === 0) {
    const edges = [...libEdges.values()].reduce((sum, targets) => sum + targets.size, 0);
    console.log(`dependencies: ${files.length} files, ${edges} library edges, all one-way (layers: ${LAYERS.map((l) => l.name).join(' < ')})`);
    return 0;
  }
  for (const [title, list] of sections) {
    if (list.length === 0) continue;
    console.log(`\n${title}: ${list.length}`);
    for (const line of list) console.log(`  ${line}`);
  }
  console.log(`\ndependency check FAILED: ${count} problem(s); the layers are in scripts/check-dependencies.js and the README's Architecture section`);
  return 1;
}

process.exitCode = check();
