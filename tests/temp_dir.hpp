// A scratch directory of the test program's own, removed with everything in it at the end.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

class TempDir {
 public:
  // `prefix` names the directory after the tests that use it.
  explicit TempDir(std::string_view prefix)
      : path_(std::filesystem::temp_directory_path() / (std::string(prefix) + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  // Writes a file of the directory; returns its path.
  std::filesystem::path file(std::string_view name, std::string_view bytes) const {
    const auto path = path_ / name;
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};
