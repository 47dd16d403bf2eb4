// Whole-file I/O with errors that name the file.
#pragma once

#include <string>
#include <string_view>

#include "casus/util/status.h"

namespace casus {

// Reads a whole file; fails with kIo naming the path and the OS reason, or kTooLarge past max_bytes.
Result<std::string> read_file(const std::string& path, size_t max_bytes = size_t(1) << 34);
// Writes atomically: to path + ".tmp", then rename, so readers never see a half-written file.
Status write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace casus
