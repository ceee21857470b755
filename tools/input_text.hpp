// One text read whole by the command: a regular file is mapped, not copied; standard input and
// other files are read into memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace frnews::cli {

class InputText {
 public:
  InputText() = default;
  InputText(const InputText&) = delete;
  InputText& operator=(const InputText&) = delete;
  ~InputText();

  // Reads `file`, or standard input for "-" or an empty name. False on failure, errno set.
  [[nodiscard]] bool read(const std::string& file);

  [[nodiscard]] std::string_view view() const noexcept {
    return mapped_ != nullptr ? std::string_view(mapped_, mapped_size_) : std::string_view(read_);
  }

 private:
  // Maps a regular file at its size; false when it cannot be (not a regular file, empty, or a
  // file system without mmap), and the caller reads it instead.
  bool map(int descriptor);

  const char* mapped_ = nullptr;
  std::size_t mapped_size_ = 0;
  std::string read_;
};

}  // namespace frnews::cli
