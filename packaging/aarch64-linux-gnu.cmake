# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-compiling Lull for a Raspberry Pi (arm64, Raspberry Pi OS bookworm) on
# Debian 12 amd64, against the multiarch arm64 libraries (./dev test-arm64
# installs them). Programs of the build run through qemu, which ctest uses for
# tests that name a target; the end-to-end scripts get it from e2e.cmake.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_CROSSCOMPILING_EMULATOR /usr/bin/qemu-aarch64-static)

# Only the arm64 .pc files: the amd64 ones would hand the linker amd64 libraries.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)

