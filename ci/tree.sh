#!/bin/sh
# Run by the CI templates (ci/github-actions.yml, ci/gitlab-ci.yml) in the checkout of a repository that
# holds a Stasis config.lua, and perhaps default.lua, recipes (system/<pkg>/pkg.lua) and profiles of its
# own. It makes that directory a whole Stasis tree: every recipe and profile of the farm this script
# belongs to that the repository does not have itself, and the farm's example default.lua when there is
# none. The repository's own files always win: nothing of it is overwritten.
set -eu
farm=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f config.lua ]; then
  echo "ci/tree.sh: no config.lua in $(pwd): run it in the checkout of the repository that holds your config" >&2
  exit 3
fi
for dir in system profiles; do
  mkdir -p "$dir"
  for entry in "$farm/$dir"/*; do
    name=${entry##*/}
    [ -e "$dir/$name" ] || cp -R "$entry" "$dir/$name"
  done
done
[ -e default.lua ] || cp "$farm/configs/default.lua.example" default.lua
echo "ci/tree.sh: $(pwd) holds $(ls system | wc -l) recipe(s) and $(ls profiles | wc -l) profile file(s)"
