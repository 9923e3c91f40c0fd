#!/usr/bin/env bash
# Installs the Node tools the report tests use into .ci/tools/ (git-ignored):
#   - ajv + ajv-formats: JSON Schema (draft 2020-12) validation of generated SARIF
#   - @microsoft/sarif-multitool-linux: the official SARIF 2.1.0 schema (sarif-2.1.0.json) and `sarif-multitool validate`
#   - @cyclonedx/cyclonedx-library: the official CycloneDX JSON schemas (res/schema/bom-1.5.SNAPSHOT.schema.json with
#     the spdx and jsf schemas it references), for the SBOM tests
# Versions are pinned; tests that need these skip with a message when .ci/tools/node_modules is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/tools"
mkdir -p "$tools"
if [ ! -f "$tools/package.json" ]; then
  printf '{\n  "name": "deploychecks-ci-tools",\n  "private": true\n}\n' > "$tools/package.json"
fi
npm install --prefix "$tools" --no-audit --no-fund --save-exact \
  ajv@8.17.1 \
  ajv-formats@3.0.1 \
  @microsoft/sarif-multitool-linux@5.7.0 \
  @cyclonedx/cyclonedx-library@10.3.0
# npm may skip the package's postinstall (chmod u+x); make the self-contained binary executable either way.
chmod u+x "$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
echo "node tools installed in $tools"
