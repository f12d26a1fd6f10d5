# Lets find_package(Torch) see the LibTorch inside a PyTorch wheel.
#
# A user who names a LibTorch (the zip, a CUDA wheel, a system install) through Torch_DIR or
# CMAKE_PREFIX_PATH keeps it: this only adds the wheel's CMake folder when DINO_PYTHON is set and
# its interpreter imports torch. The presets point DINO_PYTHON at the project's own .venv.
set(DINO_PYTHON "" CACHE FILEPATH "Python interpreter whose torch package provides LibTorch")
if(DINO_PYTHON AND NOT Torch_DIR)
  execute_process(
    COMMAND "${DINO_PYTHON}" -c "import torch.utils; print(torch.utils.cmake_prefix_path)"
    OUTPUT_VARIABLE _dino_torch_prefix
    ERROR_VARIABLE _dino_torch_error
    RESULT_VARIABLE _dino_torch_result
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_dino_torch_result EQUAL 0)
    list(APPEND CMAKE_PREFIX_PATH "${_dino_torch_prefix}")
  else()
    message(WARNING "DINO_PYTHON=${DINO_PYTHON} cannot import torch (${_dino_torch_error}); "
                    "run scripts/setup.sh, or name a LibTorch with CMAKE_PREFIX_PATH")
  endif()
endif()
