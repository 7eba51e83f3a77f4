# Writes OUTPUT (a .cc) holding each of FILES as a raw string literal, looked up by
# file name through carbonscope::web_asset(). Run with cmake -P at build time.
set(body "")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} content)
  string(FIND "${content}" ")cs_web\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains the raw-string delimiter )cs_web\"")
  endif()
  string(APPEND body "    {\"${name}\", R\"cs_web(${content})cs_web\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from web/ by embed_web.cmake. Do not edit.
#include \"serve/web_assets.h\"

namespace carbonscope {

const std::vector<WebAsset>& web_assets() {
  static const std::vector<WebAsset> kAssets = {
${body}  };
  return kAssets;
}

}  // namespace carbonscope
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
