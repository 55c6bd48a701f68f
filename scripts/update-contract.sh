#!/usr/bin/env bash
# Regenerates tests/Refold.Api.Tests/Contract/refold-contract.json (the facts of Refold's API the contract tests read)
# from ../shared/refold-api/openapi.yaml and operations.json (or $REFOLD_SHARED_DIR/refold-api/). Review the diff after.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=${REFOLD_SHARED_DIR:-../shared}
for file in openapi.yaml operations.json; do
  if [ ! -f "$shared/refold-api/$file" ]; then
    echo "error: $shared/refold-api/$file is missing: put Refold's shared folder beside the repository or set REFOLD_SHARED_DIR" >&2
    exit 1
  fi
done

UPDATE_CONTRACT=1 dotnet test tests/Refold.Api.Tests --filter "FullyQualifiedName~ContractFreshnessTests.InRepoContract_MatchesRefoldsDocument"
# The response shapes the tools carry as output schemas, derived from the contract just written.
UPDATE_CONTRACT=1 dotnet test tests/Refold.Api.Tests --filter "FullyQualifiedName~ResponseShapesTests.EmbeddedShapes_DerivedFromContract_Match"
git --no-pager diff --stat -- tests/Refold.Api.Tests/Contract/refold-contract.json src/Refold.Api/Catalog/response-shapes.json
