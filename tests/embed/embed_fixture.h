// tests/fixtures/embed/*, compiled in by carbonscope_embed (tests/embed/tests.cmake).
#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace carbonscope::test {

const std::vector<EmbeddedFile>& embed_fixture();

}  // namespace carbonscope::test
