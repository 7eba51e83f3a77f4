// Shared by the fake GPU libraries: devices described by an environment variable,
// "KIND:NAME:PID,PID;..." with KIND energy (a counter advancing 1000 units per read),
// power (50 W), flaky (a counter that fails after its first read) or broken (fails).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

struct FakeDevice {
  std::string kind;
  std::string name;
  std::vector<unsigned> pids;
  unsigned long long counter = 0;
  int reads = 0;
};

inline std::vector<FakeDevice> fake_devices(const char* env) {
  std::vector<FakeDevice> out;
  const char* spec = std::getenv(env);
  std::stringstream all(spec != nullptr ? spec : "");
  std::string item;
  while (std::getline(all, item, ';')) {
    std::stringstream fields(item);
    FakeDevice d;
    std::string pids;
    std::getline(fields, d.kind, ':');
    std::getline(fields, d.name, ':');
    std::getline(fields, pids, ':');
    std::stringstream ps(pids);
    std::string p;
    while (std::getline(ps, p, ',')) {
      if (p == "self") {
        d.pids.push_back(static_cast<unsigned>(::getpid()));
      } else if (!p.empty()) {
        d.pids.push_back(static_cast<unsigned>(std::atoi(p.c_str())));
      }
    }
    out.push_back(d);
  }
  return out;
}
