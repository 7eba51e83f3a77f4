// carbonscope_make_ledger N PATH: writes a synthetic ledger of N runs (for
// bench/runs_list.sh).
#include <cstdlib>
#include <iostream>

#include "bench_ledger.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: carbonscope_make_ledger N PATH\n";
    return 2;
  }
  const carbonscope::Status s = carbonscope::bench::make_bench_ledger(argv[2], std::atoi(argv[1]));
  if (!s.ok()) {
    std::cerr << s.to_string() << "\n";
    return 1;
  }
  return 0;
}
