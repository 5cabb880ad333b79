#!/usr/bin/env bash
# install.sh: samla installed as a user or a packager would, with no SAMLA_* variable set:
#  1. `cmake --install` into a temporary prefix: `samla plugins` lists the real plugins from that
#     prefix (and not the example), `samla run protocol` works (pipelines and data found);
#  2. the prefix moved elsewhere: the same, plus the out-of-tree example plugin built with
#     `pkg-config --cflags --libs samla` (examples/plugin/Makefile), installed into
#     `pkg-config --variable=pluginsdir samla`, loaded by name and run; the embedding example of
#     docs/embedding.md compiled against the install and run (it finds the plugins through
#     libsamla's own location);
#  3. a DESTDIR package with prefix /usr, unpacked elsewhere: the same, and the example plugin
#     built there with the CMake package (find_package(samla), samla_plugin()).
# Checks the layout (SONAME = file name's major, headers, samla.pc, CMake package, man page,
# licence). The install layout is the build's (GNUInstallDirs): scripts/test.sh configures the
# sanitizer build with prefix /usr, so the two builds cover lib/ and lib/<multiarch>/.
set -euo pipefail
build=$SAMLA_BUILD
src=$SAMLA_SOURCE
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
protocol=$src/corpus/docx/protokoll-ks-storvika-2025-01-29.docx
fail() { echo "install: $*" >&2; exit 1; }
# Runs a command with no SAMLA_* variable and no PKG_CONFIG_PATH from the caller.
clean_env() { env -u SAMLA -u SAMLA_BUILD -u SAMLA_SOURCE -u SAMLA_PLUGIN_PATH -u SAMLA_PIPELINE_PATH \
  -u SAMLA_DATA_PATH -u PKG_CONFIG_PATH -u LD_LIBRARY_PATH "$@"; }
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:[A-Z]*=//p' "$build/CMakeCache.txt")
[ -n "$libdir" ] || fail "CMAKE_INSTALL_LIBDIR not in $build/CMakeCache.txt"
echo "install layout: libdir $libdir"

# check_prefix DIR: the installed samla in DIR finds only its own plugins, pipelines and data.
check_prefix() {
  local p=$1
  clean_env "$p/bin/samla" plugins -v > "$T/plugins.txt" 2> "$T/plugins.err" || { cat "$T/plugins.err"; fail "$p: samla plugins failed"; }
  for name in read-pdf read-docx read-text extract-protocol extract-goals link-strategy write-yaml write-json; do
    grep -q "^$name " "$T/plugins.txt" || fail "$p: plugin $name not listed"
  done
  if [ "${2:-}" != with-example ] && grep -q '^example ' "$T/plugins.txt"; then fail "$p: the example plugin is installed"; fi
  # every plugin file comes from this prefix (not the build tree, not /usr/local)
  if grep '    file: ' "$T/plugins.txt" | grep -v "    file: $p/$libdir/samla/plugins/"; then
    fail "$p: plugins loaded from outside $p/$libdir/samla/plugins"
  fi
  clean_env "$p/bin/samla" pipelines > "$T/pipelines.txt"
  grep -q "$p/share/samla/pipelines/protocol.yaml" "$T/pipelines.txt" || fail "$p: pipeline protocol not found in the prefix"
  clean_env "$p/bin/samla" run -q protocol "$protocol" > "$T/model.yaml" || fail "$p: samla run protocol failed"
  grep -q '^  body: Kommunstyrelsen$' "$T/model.yaml" || fail "$p: meeting body missing from the model"
  grep -q '^  party: ' "$T/model.yaml" || fail "$p: no party (data/parties table not found?)"
}

# 1. temporary prefix
cmake --install "$build" --prefix "$T/a" > /dev/null
check_prefix "$T/a"
so=$(cd "$T/a/$libdir" && ls libsamla.so.*.*.*)
soname=$(objdump -p "$T/a/$libdir/$so" | awk '/SONAME/ {print $2}')
case $so in "$soname".*) ;; *) fail "library file $so does not carry its SONAME $soname" ;; esac
for f in include/samla/samla.h include/samla/plugin.h "$libdir/pkgconfig/samla.pc" \
         "$libdir/cmake/samla/samlaConfig.cmake" "$libdir/cmake/samla/samlaConfigVersion.cmake" \
         share/man/man1/samla.1 share/doc/samla/LICENSE; do
  [ -s "$T/a/$f" ] || fail "$f not installed"
done
grep -q '^\.SS "samla run"' "$T/a/share/man/man1/samla.1" || fail "samla.1 has no 'samla run' section"
grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' "$T/a/share/doc/samla/LICENSE" || fail "LICENSE has no SPDX line"

# 2. the prefix moved; out-of-tree plugin (pkg-config) and embedding example
mv "$T/a" "$T/moved"
check_prefix "$T/moved"
export PKG_CONFIG_PATH=$T/moved/$libdir/pkgconfig
pluginsdir=$(pkg-config --variable=pluginsdir samla)
[ "$(realpath "$pluginsdir")" = "$T/moved/$libdir/samla/plugins" ] || fail "pluginsdir is $pluginsdir"
cp -r "$src/examples/plugin" "$T/plugin-src"
make -s -C "$T/plugin-src" > /dev/null
make -s -C "$T/plugin-src" install > /dev/null
check_prefix "$T/moved" with-example
grep -q '^example ' "$T/plugins.txt" || fail "the out-of-tree plugin is not listed after make install"
printf 'First line of the text.\n\nSecond paragraph here.\n' > "$T/words.txt"
cat > "$T/words.yaml" <<'EOF'
name: words
steps:
  - plugin: read-text
  - plugin: example
  - plugin: write-yaml
EOF
clean_env "$T/moved/bin/samla" run -q "$T/words.yaml" "$T/words.txt" > "$T/words.out"
grep -q '^  words: 8$' "$T/words.out" || { cat "$T/words.out"; fail "the example plugin did not count 8 words"; }

# the C example of docs/embedding.md, compiled with pkg-config and run on a protocol
sed -n '/^```c$/,/^```$/p' "$src/docs/embedding.md" | sed '1d;$d' > "$T/meeting.c"
[ -s "$T/meeting.c" ] || fail "no C example in docs/embedding.md"
san=()
[ "${SAMLA_SANITIZE:-0}" = 1 ] && san=(-fsanitize=address,undefined)
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "${san[@]}" -o "$T/meeting" "$T/meeting.c" $(pkg-config --cflags --libs samla) \
  -Wl,-rpath,"$(pkg-config --variable=libdir samla)"
clean_env "$T/meeting" "$protocol" > "$T/meeting.out" 2> "$T/meeting.err" || { cat "$T/meeting.err"; fail "the embedding example failed"; }
head -1 "$T/meeting.out" | grep -qx 'Kommunstyrelsen, 2025-01-29' || { cat "$T/meeting.out"; fail "embedding example: wrong meeting line"; }
grep -qx '  § 110 Val av justerare' "$T/meeting.out" || { cat "$T/meeting.out"; fail "embedding example: agenda item 110 missing"; }

# 3. DESTDIR package with prefix /usr, unpacked elsewhere; plugin built with the CMake package
DESTDIR=$T/pkg cmake --install "$build" --prefix /usr > /dev/null
[ -d "$T/pkg/usr/$libdir/samla/plugins" ] || fail "no $libdir/samla/plugins in the DESTDIR package"
check_prefix "$T/pkg/usr"
unset PKG_CONFIG_PATH
cmake -S "$src/examples/plugin" -B "$T/plugin-cmake" -DCMAKE_PREFIX_PATH="$T/pkg/usr" > /dev/null
cmake --build "$T/plugin-cmake" > /dev/null
cmake --install "$T/plugin-cmake" > /dev/null
check_prefix "$T/pkg/usr" with-example
clean_env "$T/pkg/usr/bin/samla" run -q "$T/words.yaml" "$T/words.txt" | grep -q '^  words: 8$' \
  || fail "the CMake-built example plugin did not count 8 words"
echo "install: temporary prefix, moved prefix, DESTDIR /usr package, pkg-config plugin, CMake plugin, embedding example: ok"
