# The model-only libraries (TARGETS: system, model, loss, io, distributed, train) build with nothing but
# LibTorch, CMake and a C++ tool-chain (preset model-only), checked without compiling them a second
# time: every header that their objects in the main build, their precompiled header and the
# model-only smoke and GPU checks included must come from LibTorch, the project's core/ (sources,
# headers, generated headers), or the compiler and the C library. Together with the model-only
# configuration test (which disables every other package), that is what a from-scratch model-only
# build proves.
#   cmake -DNINJA=... -DBUILD_DIR=... -DSOURCE_DIR=... -DTORCH_INCLUDE_DIRS=a;b -DTARGETS=system;model;...
#         -DEXPECTED_OBJECTS=N -P check_model_only_headers.cmake
foreach(var NINJA BUILD_DIR SOURCE_DIR TORCH_INCLUDE_DIRS TARGETS EXPECTED_OBJECTS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_model_only_headers: ${var} not set")
  endif()
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/ninja_deps.cmake)

# The compiler's and the C library's headers. /usr/include itself also holds other libraries'
# headers, so only the C library's (and the kernel's) files and folders are allowed there.
set(system_prefixes /usr/include/c++/ /usr/lib/gcc/ /usr/lib/llvm /usr/include/x86_64-linux-gnu/bits/
    /usr/include/x86_64-linux-gnu/sys/ /usr/include/x86_64-linux-gnu/gnu/ /usr/include/x86_64-linux-gnu/asm/
    /usr/include/x86_64-linux-gnu/c++/ /usr/include/aarch64-linux-gnu/bits/ /usr/include/aarch64-linux-gnu/sys/
    /usr/include/aarch64-linux-gnu/gnu/ /usr/include/aarch64-linux-gnu/asm/ /usr/include/aarch64-linux-gnu/c++/
    /usr/include/linux/ /usr/include/asm-generic/ /usr/include/sys/ /usr/include/bits/ /usr/include/arpa/
    /usr/include/netinet/ /usr/include/net/ /usr/include/rpc/)
set(c_library_top_level alloca.h assert.h byteswap.h complex.h ctype.h dirent.h dlfcn.h elf.h endian.h err.h
    errno.h execinfo.h fcntl.h features.h features-time64.h fenv.h float.h fnmatch.h getopt.h glob.h grp.h
    iconv.h ifaddrs.h inttypes.h langinfo.h libgen.h libintl.h limits.h link.h locale.h malloc.h math.h
    memory.h monetary.h mqueue.h netdb.h nl_types.h poll.h pthread.h pwd.h regex.h sched.h search.h
    semaphore.h setjmp.h signal.h spawn.h stdc-predef.h stdint.h stdio.h stdlib.h string.h strings.h
    syscall.h termios.h threads.h time.h uchar.h unistd.h utime.h wchar.h wctype.h)
get_filename_component(SOURCE_DIR "${SOURCE_DIR}" REALPATH)
get_filename_component(BUILD_DIR "${BUILD_DIR}" REALPATH)
set(project_prefixes ${SOURCE_DIR}/core/ ${SOURCE_DIR}/tests/model_only/ ${SOURCE_DIR}/tests/gpu/ ${BUILD_DIR}/core/
    ${BUILD_DIR}/tests/model_only/ ${BUILD_DIR}/tests/gpu/)
# Gloo's headers are optional (core/CMakeLists.txt: without them the library builds and runs one
# process), so the folder they were found in is allowed for them alone.
if(GLOO_INCLUDE_DIR)
  get_filename_component(GLOO_INCLUDE_DIR "${GLOO_INCLUDE_DIR}" REALPATH)
  list(APPEND project_prefixes "${GLOO_INCLUDE_DIR}/gloo/")
endif()
set(torch_prefixes)
foreach(dir IN LISTS TORCH_INCLUDE_DIRS)
  get_filename_component(dir "${dir}" REALPATH)
  # A LibTorch installed into /usr/include would make every library there look like LibTorch.
  if(dir STREQUAL "/usr/include" OR dir STREQUAL "/usr/local/include")
    message(FATAL_ERROR "check_model_only_headers: LibTorch's headers are in ${dir}, among other libraries'; "
                        "this check needs a LibTorch in a folder of its own (the wheel, the LibTorch zip)")
  endif()
  list(APPEND torch_prefixes "${dir}/")
endforeach()

dino_read_ninja_deps(${NINJA} ${BUILD_DIR} lines)
set(object "")
set(objects_checked 0)
set(headers_checked 0)
set(offending)
foreach(line IN LISTS lines)
  dino_deps_line("${line}" ${BUILD_DIR} line_object header)
  if(line_object)
    set(object "${line_object}")
    list(JOIN TARGETS "|" target_names)
    if(object MATCHES "(^|/)core/CMakeFiles/dino_(${target_names})\\.dir/" OR object MATCHES "(^|/)tests/model_only/CMakeFiles/dino_model_smoke\\.dir/"
       OR object MATCHES "(^|/)tests/gpu/CMakeFiles/dino_gpu_check\\.dir/")
      math(EXPR objects_checked "${objects_checked} + 1")
      set(checking TRUE)
    else()
      set(checking FALSE)
    endif()
    continue()
  endif()
  if(NOT checking OR NOT header)
    continue()
  endif()
  math(EXPR headers_checked "${headers_checked} + 1")
  set(allowed FALSE)
  foreach(prefix IN LISTS project_prefixes torch_prefixes system_prefixes)
    string(FIND "${header}" "${prefix}" at)
    if(at EQUAL 0)
      set(allowed TRUE)
      break()
    endif()
  endforeach()
  if(NOT allowed AND header MATCHES "^/usr/include/([^/]+)$")
    list(FIND c_library_top_level "${CMAKE_MATCH_1}" c_library)
    if(NOT c_library EQUAL -1)
      set(allowed TRUE)
    endif()
  endif()
  if(NOT allowed)
    list(APPEND offending "${object}: ${header}")
  endif()
endforeach()

# Every object of the model-only configuration must be in the log: its sources, the precompiled
# header, the smoke check and the GPU check.
if(NOT objects_checked EQUAL EXPECTED_OBJECTS)
  message(FATAL_ERROR "check_model_only_headers: ${objects_checked} of the ${EXPECTED_OBJECTS} objects of the model "
                      "library and its checks are in ${BUILD_DIR}'s dependency log; build everything first")
endif()
if(offending)
  list(REMOVE_DUPLICATES offending)
  list(JOIN offending "\n  " listing)
  message(FATAL_ERROR "The model library (preset model-only) must build with LibTorch alone, but includes:\n  ${listing}")
endif()
message(STATUS "model-only headers: ${objects_checked} objects, ${headers_checked} includes, all from LibTorch, core/ or the tool-chain")
