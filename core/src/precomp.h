// Precompiled header for every translation unit that uses LibTorch (see core/CMakeLists.txt).
#pragma once
#include <torch/torch.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>
