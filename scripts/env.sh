# Sourced by the project's scripts: keeps wrangler offline and non-interactive, and gives wrangler dev its
# local secrets (a copy of .dev.vars.example, created once).
set -a
# shellcheck disable=SC1091
. "$(dirname "${BASH_SOURCE[0]}")/../.env"
set +a
[ -f "$(dirname "${BASH_SOURCE[0]}")/../.dev.vars" ] || cp "$(dirname "${BASH_SOURCE[0]}")/../.dev.vars.example" "$(dirname "${BASH_SOURCE[0]}")/../.dev.vars"
