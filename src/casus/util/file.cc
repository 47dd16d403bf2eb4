#include "casus/util/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace casus {

namespace {
struct FileCloser {
  void operator()(std::FILE* f) const { if (f) std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;
}  // namespace

Result<std::string> read_file(const std::string& path, size_t max_bytes) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) return Status(Code::kIo, path + ": cannot open: " + std::strerror(errno));
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    if (out.size() + n > max_bytes)
      return Status(Code::kTooLarge, path + ": larger than the limit of " + std::to_string(max_bytes) + " bytes");
    out.append(buf, n);
  }
  if (std::ferror(f.get())) return Status(Code::kIo, path + ": read error: " + std::strerror(errno));
  return out;
}

Status write_file_atomic(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  {
    FilePtr f(std::fopen(tmp.c_str(), "wb"));
    if (!f) return Status(Code::kIo, tmp + ": cannot create: " + std::strerror(errno));
    if (std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size())
      return Status(Code::kIo, tmp + ": write error: " + std::strerror(errno));
    if (std::fflush(f.get()) != 0) return Status(Code::kIo, tmp + ": flush error: " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status(Code::kIo, path + ": cannot rename from " + tmp + ": " + std::strerror(errno));
  return Status::ok();
}

}  // namespace casus
