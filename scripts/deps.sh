#!/usr/bin/env bash
# Installs the Debian packages the build needs, only those that are missing.
# Usage: scripts/deps.sh [extra-package ...]
set -euo pipefail

packages=(cmake ninja-build g++ pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev libyaml-cpp-dev
  libvalijson-dev libcpp-httplib-dev libstemmer-dev libxxhash-dev libmimalloc-dev libssl-dev catch2
  clang-format clang-tidy dpkg-dev "$@")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  apt_options=()
  # CI keeps downloaded packages between runs in APT_CACHE_DIR.
  if [ -n "${APT_CACHE_DIR:-}" ]; then
    mkdir -p "$APT_CACHE_DIR/partial"
    apt_options=(-o "Dir::Cache::Archives=$APT_CACHE_DIR" -o "APT::Keep-Downloaded-Packages=true")
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${apt_options[@]}" "${missing[@]}" >&2
fi
