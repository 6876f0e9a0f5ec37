#include "support/e2e.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace modelprov::testing {
namespace {

std::string ReadAll(int fd) {
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

}  // namespace

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "modelprov-test-XXXXXX").string();
  char* made = ::mkdtemp(tmpl.data());
  REQUIRE(made != nullptr);
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Tests may remove permissions to provoke errors; restore before deleting.
  for (auto it = std::filesystem::recursive_directory_iterator(path_, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_symlink(ec)) std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                                          std::filesystem::perm_options::add, ec);
  }
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::Write(const std::string& relative, const std::string& content) const {
  std::filesystem::path p = path_ / relative;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  REQUIRE(out.good());
  return p;
}

RunResult Run(const std::vector<std::string>& argv, const std::filesystem::path& cwd) {
  // Output goes to temp files, not pipes, so a chatty child cannot deadlock us.
  char out_name[] = "/tmp/modelprov-out-XXXXXX";
  char err_name[] = "/tmp/modelprov-err-XXXXXX";
  int out_fd = ::mkstemp(out_name);
  int err_fd = ::mkstemp(err_name);
  REQUIRE(out_fd >= 0);
  REQUIRE(err_fd >= 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  ::lseek(out_fd, 0, SEEK_SET);
  ::lseek(err_fd, 0, SEEK_SET);
  r.out = ReadAll(out_fd);
  r.err = ReadAll(err_fd);
  ::close(out_fd);
  ::close(err_fd);
  ::unlink(out_name);
  ::unlink(err_name);
  return r;
}

RunResult Modelprov(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  std::vector<std::string> argv{MODELPROV_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, cwd);
}

std::string Git(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  std::vector<std::string> argv{"env",
                                "GIT_AUTHOR_NAME=Test Author",
                                "GIT_AUTHOR_EMAIL=author@example.com",
                                "GIT_COMMITTER_NAME=Test Author",
                                "GIT_COMMITTER_EMAIL=author@example.com",
                                "GIT_AUTHOR_DATE=2025-01-01T00:00:00Z",
                                "GIT_COMMITTER_DATE=2025-01-01T00:00:00Z",
                                "GIT_CONFIG_NOSYSTEM=1",
                                "HOME=/nonexistent",
                                "git",
                                "-c",
                                "init.defaultBranch=main",
                                "-c",
                                "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult r = Run(argv, cwd);
  INFO("git stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json ParseJson(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

std::vector<std::string> ReferenceLines(const nlohmann::json& scan) {
  std::vector<std::string> out;
  for (const auto& ref : scan.at("references")) {
    std::ostringstream s;
    s << ref.at("path").get<std::string>() << ":" << ref.at("line").get<int>() << " "
      << ref.at("kind").get<std::string>() << " " << ref.at("text").get<std::string>() << " -> "
      << (ref.at("model").is_null() ? std::string("null") : ref.at("model").get<std::string>());
    out.push_back(s.str());
  }
  return out;
}

}  // namespace modelprov::testing
