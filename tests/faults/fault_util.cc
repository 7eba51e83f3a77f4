// posix_spawn runners and SQLite access for the fault tests.
#include "faults/fault_util.h"

#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>

extern char** environ;

namespace carbonscope::test {
namespace {

std::string slurp_and_remove(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path.c_str());
  return ss.str();
}

Started spawn(std::vector<std::string> argv_s, const std::vector<std::string>& env, bool path_lookup) {
  Started s;
  char out_tmpl[] = "/tmp/cs_fault_out_XXXXXX";
  char err_tmpl[] = "/tmp/cs_fault_err_XXXXXX";
  const int out_fd = mkstemp(out_tmpl);
  const int err_fd = mkstemp(err_tmpl);
  s.out_path = out_tmpl;
  s.err_path = err_tmpl;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (entry.rfind("CARBONSCOPE_", 0) == 0) continue;
    env_s.push_back(entry);
  }
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  const int rc = path_lookup ? posix_spawnp(&s.pid, argv[0], &actions, nullptr, argv.data(), envp.data())
                             : posix_spawn(&s.pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  if (rc != 0) s.pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  close(out_fd);
  close(err_fd);
  return s;
}

}  // namespace

CliResult finish(const Started& s) {
  CliResult r;
  if (s.pid > 0) {
    int status = 0;
    waitpid(s.pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  r.out = slurp_and_remove(s.out_path);
  r.err = slurp_and_remove(s.err_path);
  return r;
}

CliResult run_program(const std::vector<std::string>& argv) { return finish(spawn(argv, {}, true)); }

Started start_cli(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  std::vector<std::string> argv = {CARBONSCOPE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn(argv, env, false);
}

std::string sql_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string err;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    err = sqlite3_errmsg(db);
  } else {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) err = msg != nullptr ? msg : "error";
    sqlite3_free(msg);
  }
  sqlite3_close(db);
  return err;
}

std::string sql_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      const auto* p = sqlite3_column_text(st, 0);
      if (p != nullptr) out = reinterpret_cast<const char*>(p);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

bool absurd_success(const CliResult& r) {
  if (r.exit_code == 134 || r.exit_code == 139 || r.exit_code < 0) return true;
  if (r.exit_code != 0) return false;
  // A figure: inf, nan or n/a, or a negative number, followed by a unit or a percent.
  static const std::regex bad(
      R"((^|[\s(:=,])(-?inf|-?nan|n/a|-[0-9][0-9.,]*(e[-+]?[0-9]+)?) ?(%|[kMGT]?Wh|J|[mk]?g|t|[kMG]?W|s|h|min)([^A-Za-z]|$))",
      std::regex::icase);
  return std::regex_search(r.out, bad);
}

}  // namespace carbonscope::test
