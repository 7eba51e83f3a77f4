// Terminal width from COLUMNS or the TIOCGWINSZ ioctl.
#include "carbonscope/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "carbonscope/environment.h"

namespace carbonscope {

int terminal_width() {
  int width = 0;
  if (const char* columns = Environment::current().find("COLUMNS")) {
    char* end = nullptr;
    const long v = std::strtol(columns, &end, 10);
    if (end != nullptr && *end == '\0' && v > 0 && v < 10000) width = static_cast<int>(v);
  }
  if (width == 0 && isatty(STDOUT_FILENO) == 1) {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) width = ws.ws_col;
  }
  if (width == 0) width = kDefaultTextWidth;
  return std::max(width, 40);
}

}  // namespace carbonscope
