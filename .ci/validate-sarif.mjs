#!/usr/bin/env node
// Validates SARIF files against the official SARIF 2.1.0 JSON schema (draft 2020-12, shipped in
// @microsoft/sarif-multitool-linux) with ajv, and, with --multitool, also runs `sarif-multitool validate`
// (SARIF's own rules beyond the schema; errors fail, warnings are printed).
// Usage: node .ci/validate-sarif.mjs [--multitool] file.sarif [more.sarif ...]
// Needs the packages from .ci/install-node-tools.sh (in .ci/tools/node_modules).
import { createRequire } from 'node:module';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tools = process.env.DEPLOYCHECKS_NODE_TOOLS || path.join(here, 'tools');
const require = createRequire(path.join(tools, 'package.json'));

const args = process.argv.slice(2);
const useMultitool = args.includes('--multitool');
const files = args.filter((a) => a !== '--multitool');
if (files.length === 0) {
  console.error('usage: validate-sarif.mjs [--multitool] file.sarif [...]');
  process.exit(2);
}

let Ajv2020, addFormats, multitoolDir;
try {
  Ajv2020 = require('ajv/dist/2020').default;
  addFormats = require('ajv-formats').default;
  multitoolDir = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
} catch (e) {
  console.error(`node tools missing in ${tools}: run .ci/install-node-tools.sh (${e.message})`);
  process.exit(3);
}

const schema = JSON.parse(readFileSync(path.join(multitoolDir, 'sarif-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = false;
for (const file of files) {
  const failedBefore = failed;
  failed = false;
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  if (validate(doc)) {
    console.log(`${file}: valid against SARIF 2.1.0 schema`);
  } else {
    failed = true;
    for (const err of validate.errors) {
      console.error(`${file}: schema: ${err.instancePath || '/'} ${err.message} ${JSON.stringify(err.params)}`);
    }
  }

  if (useMultitool) {
    const exe = path.join(multitoolDir, 'Sarif.Multitool');
    const outDir = mkdtempSync(path.join(tmpdir(), 'sarif-validate-'));
    const out = path.join(outDir, 'validation.sarif');
    try {
      const r = spawnSync(exe, ['validate', file, '--output', out, '--log', 'ForceOverwrite'], {
        encoding: 'utf8',
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      });
      if (r.error) {
        console.error(`${file}: sarif-multitool could not start: ${r.error.message}`);
        failed = true;
      } else if (!existsSync(out)) {
        console.error(`${file}: sarif-multitool exited ${r.status} without a log:\n${r.stdout}${r.stderr}`);
        failed = true;
      } else {
        const log = JSON.parse(readFileSync(out, 'utf8'));
        const results = (log.runs || []).flatMap((run) => run.results || []);
        for (const res of results) {
          const level = res.level || 'warning';
          const text = res.message?.text || JSON.stringify(res.message?.arguments || []);
          const where = res.locations?.[0]?.physicalLocation?.region?.startLine;
          const line = `${file}: multitool ${level} ${res.ruleId}${where ? ` (line ${where})` : ''}: ${text.split('. ')[0]}`;
          if (level === 'error') {
            failed = true;
            console.error(line);
          } else {
            console.log(line);
          }
        }
        const notes = (log.runs || []).flatMap((run) => (run.invocations || []).flatMap((i) => i.toolExecutionNotifications || []));
        for (const n of notes) {
          if ((n.level || 'warning') === 'error') {
            failed = true;
            console.error(`${file}: multitool execution error: ${n.message?.text}`);
          }
        }
        if (r.status !== 0 && !results.some((x) => x.level === 'error')) {
          console.error(`${file}: sarif-multitool exited ${r.status}: ${r.stdout}${r.stderr}`);
          failed = true;
        }
        if (!failed) {
          console.log(`${file}: sarif-multitool validate: no errors (${results.length} warning/note result(s))`);
        }
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  failed = failed || failedBefore;
}
process.exit(failed ? 1 : 0);
