# The library boundary, checked: the front ends (tools/ and python/) include public
# headers (include/carbonscope/) and their own files only. An include that names a header
# of src/ fails this check unless it is listed in ALLOW (default
# tools/cli/internal_includes.allow, which no longer exists: the CLI has no allowance, and
# no src/ include path either), and a listed header that no front-end file includes any
# more fails it too. python/ has no allowance at all.
#
#   cmake -DROOT=<source dir> [-DALLOW=<file>] -P cmake/check_public_includes.cmake
#
# Run by ctest as boundary.public_includes; boundary.public_includes_detects runs it on a
# small tree with a violation (tests/fixtures/boundary/) and expects the failure.
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> [-DALLOW=<file>] -P check_public_includes.cmake")
endif()
get_filename_component(ROOT ${ROOT} ABSOLUTE)
if(NOT DEFINED ALLOW)
  set(ALLOW ${ROOT}/tools/cli/internal_includes.allow)
endif()

set(allowed)
if(EXISTS ${ALLOW})
  file(STRINGS ${ALLOW} allow_lines)
  foreach(line IN LISTS allow_lines)
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    endif()
    list(APPEND allowed ${line})
  endforeach()
endif()

file(GLOB_RECURSE front_end_files LIST_DIRECTORIES false
  ${ROOT}/tools/*.h ${ROOT}/tools/*.cc ${ROOT}/tools/*.in ${ROOT}/python/*.h ${ROOT}/python/*.cc)
set(violations)
set(used)        # allowed headers still included from tools/
set(internal 0)  # include lines naming a src/ header
foreach(file IN LISTS front_end_files)
  file(RELATIVE_PATH rel ${ROOT} ${file})
  get_filename_component(dir ${file} DIRECTORY)
  file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*" "\\1" header "${line}")
    if(EXISTS ${dir}/${header} OR NOT EXISTS ${ROOT}/src/${header})
      continue()  # the file's own folder, a public header or a system/third-party one
    endif()
    math(EXPR internal "${internal} + 1")
    if(rel MATCHES "^tools/" AND header IN_LIST allowed)
      list(APPEND used ${header})
    else()
      list(APPEND violations "${rel}: #include \"${header}\" is internal (src/${header})")
    endif()
  endforeach()
endforeach()

# The public headers themselves: no src/ header, no third-party header (JSON, TOML,
# SQLite, fmt, HTTP, CLI11, pybind11 types must not cross the boundary) and no `Impl`.
file(GLOB_RECURSE public_headers LIST_DIRECTORIES false ${ROOT}/include/*.h)
foreach(file IN LISTS public_headers)
  file(RELATIVE_PATH rel ${ROOT} ${file})
  file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*" "\\1" header "${line}")
    if(EXISTS ${ROOT}/src/${header} AND NOT EXISTS ${ROOT}/include/${header})
      list(APPEND violations "${rel}: #include \"${header}\" is internal (src/${header})")
    elseif(header MATCHES "^(nlohmann|toml\\+\\+|fmt|httplib|CLI|pybind11)/|^sqlite3\\.h$|^httplib\\.h$")
      list(APPEND violations "${rel}: #include <${header}> puts a third-party type in the public API")
    endif()
  endforeach()
  file(STRINGS ${file} impl_lines REGEX "(class|struct)[ \t]+Impl[ \t;{]")
  if(impl_lines)
    list(APPEND violations "${rel}: declares an Impl (public headers hold interfaces and plain types only)")
  endif()
endforeach()

set(stale)
foreach(header IN LISTS allowed)
  if(NOT header IN_LIST used)
    list(APPEND stale ${header})
  endif()
endforeach()
list(REMOVE_DUPLICATES used)
list(LENGTH used distinct)

if(violations OR stale)
  foreach(v IN LISTS violations)
    message("${v}")
  endforeach()
  if(violations)
    message("front ends include public headers only (include/carbonscope/): use or extend the public API "
            "instead of a src/ header (docs/design.md, 'The library boundary')")
  endif()
  foreach(s IN LISTS stale)
    message("${ALLOW}: '${s}' is listed but no longer included from tools/: remove the line (the list only shrinks)")
  endforeach()
  message(FATAL_ERROR "public-include check failed")
endif()
message(STATUS "public-include check: ${internal} internal include lines in tools/ of ${distinct} allowed headers, none in python/")
