#!/usr/bin/env bash
# Installs everything DINO Studio needs on a fresh Debian 12 machine. Idempotent: a second run
# only checks what is already there.
#   - Debian packages: compiler tool-chain, Qt 6, QCustomPlot, OpenCV, spdlog, nlohmann-json,
#     CLI11, OpenSSL (hashes of weights files), libjpeg, Xvfb, the Fashion-MNIST demo data set,
#     the packaging tools (help2man for the manual pages, lintian and appstream to check), and
#     OpenSSH: the app drives runs on servers with the client, and the tests start a server of
#     their own on 127.0.0.1 to drive (the package's service is not needed and not started here).
#   - A Python virtual environment in .venv holding the PyTorch wheel; its LibTorch is what CMake
#     builds against by default (see CMakePresets.json), and its python writes and reads the
#     checkpoint files that the interoperability tests exchange with C++.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv_dir=${DINO_VENV:-"$repo_root/.venv"}
torch_version=${DINO_TORCH_VERSION:-2.13.0}

apt_packages=(
  build-essential cmake ninja-build pkg-config git python3-venv
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev
  libqcustomplot-dev libopencv-dev libspdlog-dev nlohmann-json3-dev libcli11-dev libssl-dev libjpeg-dev
  xvfb xauth dataset-fashion-mnist
  libgloo-dev
  help2man lintian appstream fakeroot
  openssh-client openssh-server
)

missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: Debian packages present"
fi

# python3 -m venv needs a python with ensurepip; Debian's python3-venv provides one, and so does
# any pyenv build. Prefer whatever python3 is first on PATH (the wheel is cp311 on this image).
python_bin=${DINO_PYTHON:-python3}
if [[ ! -x "$venv_dir/bin/python" ]]; then
  echo "setup: creating $venv_dir"
  "$python_bin" -m venv "$venv_dir"
fi
if ! "$venv_dir/bin/python" -c "import torch, sys; sys.exit(0 if torch.__version__.split('+')[0] == '$torch_version' else 1)" 2>/dev/null; then
  echo "setup: installing torch==$torch_version into $venv_dir"
  "$venv_dir/bin/python" -m pip install -q "torch==$torch_version"
else
  echo "setup: torch $torch_version present in $venv_dir"
fi
if ! "$venv_dir/bin/python" -c "import numpy, PIL" 2>/dev/null; then
  # Pillow is the reference's image library: the tests compare our resampling, blur and colour
  # operations with it. numpy reads our .npy files independently.
  "$venv_dir/bin/python" -m pip install -q numpy pillow
fi
echo "setup: done"
