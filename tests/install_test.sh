#!/usr/bin/env bash
# Others can install it: `cmake --install` puts a wegwijzer that runs on its own (the default theme
# is compiled in) in <prefix>/bin, with the wegwijzer-serve its `serve` runs, and `cpack -G DEB`
# makes a Debian package whose Depends lists only Debian packages.
#
#   tests/install_test.sh [BUILD_DIR]
#
# BUILD_DIR is a configured build folder (CTest passes its own); wegwijzer is built there if it is
# not yet. Without it, a Release build is configured and built in a temporary folder, which takes
# several minutes. Needs cmake, cpack, dpkg-deb and dpkg-shlibdeps (dpkg-dev). The last line says
# "N passed, M failed"; the exit status is 1 when anything failed.
set -uo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wegwijzer-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
pass() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

for tool in cmake cpack dpkg-deb dpkg-shlibdeps dpkg-query; do
  command -v "$tool" >/dev/null || { fail "$tool is not installed (dpkg-dev has dpkg-shlibdeps)"; }
done
[ "$failed" -eq 0 ] || finish

build=${1:-}
if [ -z "$build" ]; then
  build=$tmp/build
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$tmp/configure.log" 2>&1 ||
    { cat "$tmp/configure.log"; fail "configure"; finish; }
fi
if cmake --build "$build" --target wegwijzer wegwijzer_man_page >"$tmp/build.log" 2>&1; then
  pass "wegwijzer builds in $build"
else
  tail -n 30 "$tmp/build.log"
  fail "wegwijzer does not build in $build"
  finish
fi

# 1. cmake --install into a prefix of its own: bin/wegwijzer and its manual page, and it runs from
# there.
prefix=$tmp/prefix
if cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  pass "cmake --install"
else
  cat "$tmp/install.log"
  fail "cmake --install"
fi
installed=$(cd "$prefix" 2>/dev/null && find . -type f -o -type l | sort | tr '\n' ' ')
if [ "$installed" = "./bin/wegwijzer ./bin/wegwijzer-serve ./share/man/man1/wegwijzer.1 " ]; then
  pass "the install is bin/wegwijzer, bin/wegwijzer-serve and share/man/man1/wegwijzer.1, nothing else"
else
  fail "the install holds: $installed"
fi
if grep -q '^\.TH WEGWIJZER 1' "$prefix/share/man/man1/wegwijzer.1" 2>/dev/null &&
  cmp -s "$prefix/share/man/man1/wegwijzer.1" <("$prefix/bin/wegwijzer" man); then
  pass "the installed manual page is the binary's own (wegwijzer man)"
else
  fail "share/man/man1/wegwijzer.1 is missing or differs from wegwijzer man"
fi
version=$("$prefix/bin/wegwijzer" --version 2>&1)
if [[ "$version" =~ ^wegwijzer\ [0-9]+\.[0-9]+\.[0-9]+ ]]; then
  pass "$prefix/bin/wegwijzer --version: $version"
else
  fail "$prefix/bin/wegwijzer --version printed: $version"
fi

# `wegwijzer serve` runs the installed wegwijzer-serve beside it.
if "$prefix/bin/wegwijzer" serve --help 2>&1 | grep -q '^usage: wegwijzer serve'; then
  pass "the installed wegwijzer serve --help runs bin/wegwijzer-serve"
else
  fail "the installed wegwijzer serve --help: $("$prefix/bin/wegwijzer" serve --help 2>&1 | head -n 3)"
fi

# The installed binary builds a site far from the source tree: the theme is inside it.
site=$tmp/site
mkdir -p "$site/content"
printf 'language: en\n' >"$site/wegwijzer.yaml"
printf -- '---\ntitle: Home\n---\nHello.\n' >"$site/content/_index.md"
if (cd "$tmp" && "$prefix/bin/wegwijzer" build --source "$site" --quiet >"$tmp/site.log" 2>&1) &&
  grep -q 'lang="en"' "$site/public/index.html" && ls "$site"/public/assets/site.*.css >/dev/null; then
  pass "the installed wegwijzer builds a site with its built-in theme"
else
  cat "$tmp/site.log"
  fail "the installed wegwijzer does not build a content-only site"
fi

# `wegwijzer new`, once the command line has it: the new site passes `wegwijzer check`.
if "$prefix/bin/wegwijzer" --help 2>&1 | grep -q '^  new '; then
  if "$prefix/bin/wegwijzer" new "$tmp/new" >/dev/null 2>"$tmp/new.log" &&
    "$prefix/bin/wegwijzer" check --source "$tmp/new" >"$tmp/check.log" 2>&1 &&
    grep -q '0 errors, 0 warnings' "$tmp/check.log"; then
    pass "wegwijzer new makes a site that wegwijzer check passes without warnings"
  else
    cat "$tmp/new.log" "$tmp/check.log"
    fail "wegwijzer new, then wegwijzer check"
  fi
else
  echo "skip: this wegwijzer has no \`new\` command yet"
fi

# 2. cpack -G DEB in the build folder (the package and its work files go to $tmp/pkg).
if (cd "$build" && cpack -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1); then
  pass "cpack -G DEB"
else
  tail -n 30 "$tmp/cpack.log"
  fail "cpack -G DEB"
fi
deb=$(find "$tmp/pkg" -maxdepth 1 -name 'wegwijzer_*.deb' | head -n 1)
if [ -z "$deb" ]; then
  fail "no wegwijzer_*.deb in $tmp/pkg"
  finish
fi
pass "package $(basename "$deb")"
dpkg-deb -I "$deb" >"$tmp/info.txt" 2>&1 || fail "dpkg-deb -I $deb"
cat "$tmp/info.txt"

field() { dpkg-deb -f "$deb" "$1"; }
expect_field() {
  local got
  got=$(field "$1")
  if [ "$got" = "$2" ]; then pass "$1: $got"; else fail "$1 is '$got', not '$2'"; fi
}
expect_field Package wegwijzer
expect_field Maintainer "GGZ Wegwijzer"
if [ -n "$(field Description)" ]; then pass "Description: $(field Description)"; else fail "no Description"; fi
if [[ "$version" == *" $(field Version)"* ]]; then
  pass "Version $(field Version) is the one wegwijzer --version prints"
else
  fail "Version $(field Version), but wegwijzer --version prints: $version"
fi

# Depends: a comma-separated list of Debian package names, each with an optional version and
# alternatives after |; every name is a package dpkg knows here (the binary runs on this machine,
# so what it links comes from installed packages).
depends=$(field Depends)
if [ -z "$depends" ]; then
  fail "Depends is empty (dpkg-shlibdeps found nothing?)"
else
  bad=""
  IFS=',|' read -ra items <<<"$depends"
  for item in "${items[@]}"; do
    item=$(echo "$item" | sed 's/^ *//; s/ *$//')
    name=${item%% *}
    if ! [[ "$item" =~ ^[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?(\ \((<<|<=|=|>=|>>)\ [^\)]+\))?$ ]]; then
      bad+=" '$item' (not a package name)"
    elif ! dpkg-query -W "${name%%:*}" >/dev/null 2>&1; then
      bad+=" '$name' (no such package installed)"
    fi
  done
  if [ -z "$bad" ]; then
    pass "Depends lists only Debian packages: $depends"
  else
    fail "Depends:$bad"
  fi
fi

if dpkg-deb -c "$deb" | awk '{print $NF}' | grep -qx './usr/share/man/man1/wegwijzer.1'; then
  pass "usr/share/man/man1/wegwijzer.1 is in the package"
else
  fail "the package has no manual page"
fi
for program in wegwijzer wegwijzer-serve; do
  if dpkg-deb -c "$deb" | awk '{print $NF}' | grep -qx "./usr/bin/$program"; then
    pass "usr/bin/$program is in the package"
  else
    dpkg-deb -c "$deb"
    fail "usr/bin/$program is not in the package"
  fi
done

finish
