// The reference for `frnews normalize` as a whole process: reads a file (or standard input),
// composes it with ICU's own NFC on the whole text, UTF-8 in and out (Normalizer2::normalizeUTF8,
// no conversion to UTF-16), and writes it to standard output. benchmarks/compare_nfc.sh times both.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  std::string text;
  if (argc > 1) {
    // Read at once, at the file's size, as `frnews normalize` reads a file.
    std::ifstream in(argv[1], std::ios::binary);
    std::error_code error;
    const auto size = std::filesystem::file_size(argv[1], error);
    if (!in || error) {
      std::cerr << "icu_nfc: cannot read " << argv[1] << '\n';
      return 1;
    }
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string composed;
  composed.reserve(text.size());
  icu::StringByteSink<std::string> sink(&composed, static_cast<int32_t>(text.size()));
  if (U_SUCCESS(status)) nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  if (U_FAILURE(status)) {
    std::cerr << "icu_nfc: " << u_errorName(status) << '\n';
    return 1;
  }
  return std::fwrite(composed.data(), 1, composed.size(), stdout) == composed.size() && std::fflush(stdout) == 0 ? 0 : 1;
}
