#include "casus/util/status.h"

namespace casus {

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  return "E" + std::to_string(static_cast<int>(code_)) + " " + message_;
}

Status Status::with_context(const std::string& context) const {
  if (is_ok()) return *this;
  return Status(code_, context + ": " + message_);
}

void assert_fail(const char* cond, const char* why, const char* file, int line) {
  std::fprintf(stderr, "casus: internal error: %s (%s) at %s:%d\n", why, cond, file, line);
  std::abort();
}

}  // namespace casus
