// A tracked workload whose shape, not its CPU, matters: `threads N S` is one process
// with N threads (the main one included) sleeping S seconds; `procs N S` is a tree of
// N processes (this one and N-1 children) sleeping S seconds. bench/floor.py tracks
// it to check that a sample's cost does not grow with the tree.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  const int n = std::atoi(argv[2]);
  const auto s = std::chrono::duration<double>(std::atof(argv[3]));
  if (std::strcmp(argv[1], "threads") == 0) {
    std::vector<std::thread> ts;
    for (int i = 1; i < n; ++i) ts.emplace_back([s] { std::this_thread::sleep_for(s); });
    std::this_thread::sleep_for(s);
    for (auto& t : ts) t.join();
    return 0;
  }
  for (int i = 1; i < n; ++i) {
    if (::fork() == 0) {
      std::this_thread::sleep_for(s);
      _exit(0);
    }
  }
  std::this_thread::sleep_for(s);
  while (::wait(nullptr) > 0) {
  }
  return 0;
}
