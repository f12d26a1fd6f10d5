#!/usr/bin/env bash
# Builds the Debian package from a configured build folder and checks it as a user's machine
# would see it: the unpacked programs run from an empty folder on their own libraries, the
# desktop files are where desktops look, the AppStream data validates, and lintian finds no
# error or warning (packaging/README.md lists the one override and why).
#   check_debian_package.sh <build folder> <work folder> <project version>
set -euo pipefail
build=$1 work=$2 version=$3

# Without the packaging tools the test is skipped (exit 77, shown as skipped by ctest), saying why.
for tool in cpack dpkg-deb lintian appstreamcli; do
  command -v "$tool" > /dev/null || { echo "SKIP: $tool is not installed (scripts/setup.sh installs it)"; exit 77; }
done

rm -rf "$work" && mkdir -p "$work/root"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
deb=$(ls "$work"/dino-studio_*.deb)
echo "package: $(basename "$deb"), $(du -m "$deb" | cut -f1) MB"

# Computed, not hand-written, dependencies: dpkg-shlibdeps names libc6 with a version.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[[ $depends == *"libc6 (>= "* && $depends == *"libqt6widgets6 (>= "* ]] ||
  { echo "FAIL: the dependencies were not computed by dpkg-shlibdeps"; exit 1; }

dpkg-deb -x "$deb" "$work/root"
root=$work/root/usr
for file in share/applications/org.dinostudio.DinoStudio.desktop \
            share/metainfo/org.dinostudio.DinoStudio.metainfo.xml \
            share/icons/hicolor/scalable/apps/org.dinostudio.DinoStudio.svg \
            share/icons/hicolor/48x48/apps/org.dinostudio.DinoStudio.png \
            share/icons/hicolor/256x256/apps/org.dinostudio.DinoStudio.png \
            share/man/man1/dino.1.gz share/man/man1/dino-studio.1.gz \
            share/doc/dino-studio/copyright share/doc/dino-studio/changelog.gz; do
  [[ -s $root/$file ]] || { echo "FAIL: the package lacks /usr/$file"; exit 1; }
done
# The manual page is the program's own help: every sub-command is listed in it.
for sub in train knn attention embed; do
  zcat "$root/share/man/man1/dino.1.gz" | grep -q "^$sub\$" || { echo "FAIL: dino.1 does not list '$sub'"; exit 1; }
done
grep -q "<release version=\"$version\"" "$root/share/metainfo/org.dinostudio.DinoStudio.metainfo.xml" ||
  { echo "FAIL: the AppStream releases do not list version $version"; exit 1; }
appstreamcli validate --no-net "$root/share/metainfo/org.dinostudio.DinoStudio.metainfo.xml"

# The programs run from the unpacked tree with no help from the environment.
env -u LD_LIBRARY_PATH "$root/bin/dino" --version
env -u LD_LIBRARY_PATH -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$root/bin/dino-studio" --version

if ! lintian --fail-on error,warning "$deb" > "$work/lintian.log" 2>&1; then
  cat "$work/lintian.log"
  echo "FAIL: lintian reports errors or warnings"
  exit 1
fi
echo "lintian: no error, no warning"
