#include "input_text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace frnews::cli {

namespace {

// Reads what is left of `descriptor` to its end, appending to `out`.
bool read_to_end(int descriptor, std::string& out) {
  constexpr std::size_t chunk = std::size_t{1} << 16;
  while (true) {
    const std::size_t size = out.size();
    out.resize(size + chunk);
    const ssize_t got = ::read(descriptor, out.data() + size, chunk);
    if (got < 0 && errno == EINTR) {
      out.resize(size);
      continue;
    }
    out.resize(size + static_cast<std::size_t>(got > 0 ? got : 0));
    if (got <= 0) return got == 0;
  }
}

}  // namespace

InputText::~InputText() {
  if (mapped_ != nullptr) ::munmap(const_cast<char*>(mapped_), mapped_size_);
}

bool InputText::read(const std::string& file) {
  if (file.empty() || file == "-") return read_to_end(STDIN_FILENO, read_);
  const int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return false;
  const bool done = map(descriptor) || read_to_end(descriptor, read_);
  const int error = errno;
  ::close(descriptor);
  errno = error;
  return done;
}

bool InputText::map(int descriptor) {
  struct stat status {};
  if (::fstat(descriptor, &status) != 0 || !S_ISREG(status.st_mode) || status.st_size <= 0) return false;
  const auto size = static_cast<std::size_t>(status.st_size);
  // Private and read-only: the text is read once, front to back. MAP_POPULATE maps all its pages
  // in one call instead of one fault every few pages.
  void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0);
  if (address == MAP_FAILED) return false;
  mapped_ = static_cast<const char*>(address);
  mapped_size_ = size;
  return true;
}

}  // namespace frnews::cli
