#!/bin/sh
# Runs "$OX_E2E_REAL_EXECUTABLE" (desktop VS Code) with the given arguments minus
# --disable-workspace-trust, which @vscode/test-electron's runTests() always adds: used for the
# untrusted-workspace suite under OX_E2E_DESKTOP=1.
exe="${OX_E2E_REAL_EXECUTABLE:?OX_E2E_REAL_EXECUTABLE is not set}"
for arg do
  shift
  [ "$arg" = "--disable-workspace-trust" ] || set -- "$@" "$arg"
done
exec "$exe" "$@"
