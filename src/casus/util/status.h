// Status and Result<T>: how casus reports expected failures (bad input, missing files, corrupt models).
//
// Bugs are not Statuses: they go to CASUS_ASSERT. A Status carries a catalogue code (see docs/ERRORS.md),
// a message with context (file, line, what was expected) and never aborts the process. The CLI maps codes
// to exit status 0/1/2 and the HTTP server to 4xx/5xx.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace casus {

// Error catalogue. Numbers are stable: never reuse one. Ranges per stage:
// 1xxx input/readers, 2xxx cleaning/segmentation, 3xxx models, 4xxx KB/lexicon, 5xxx coder,
// 6xxx store, 7xxx analysis/serve, 9xxx usage.
enum class Code : int {
  kOk = 0,
  kIo = 1001,             // file cannot be opened/read/written
  kInvalidUtf8 = 1002,    // input bytes are not UTF-8 (see docs/INPUT.md for the policy)
  kEmptyInput = 1003,     // document has no text after decoding and cleaning
  kBinaryInput = 1004,    // input looks binary (NUL-heavy or control-heavy)
  kTooLarge = 1005,       // document exceeds the size limit
  kBadJson = 1006,        // malformed JSON record
  kMissingField = 1007,   // required field absent (e.g. "text" in JSONL)
  kBadHtml = 1008,        // HTML could not be parsed to any text
  kBadDate = 1009,        // malformed date value
  kUnsupported = 1010,    // unsupported input kind
  kBadConllu = 2001,      // malformed CoNLL-U
  kModelMissing = 3001,   // model file not found
  kModelCorrupt = 3002,   // bad magic, CRC mismatch, truncated section
  kModelVersion = 3003,   // model written by an incompatible version
  kModelSelfTest = 3004,  // model loads but its self-test sentences do not reproduce
  kKbSchema = 4001,       // KB/lexicon file violates its schema
  kKbDuplicate = 4002,    // duplicate id
  kKbReference = 4003,    // reference to an unknown id/code
  kKbDate = 4004,         // bad or inverted date range
  kStore = 6001,          // database error
  kStoreSchema = 6002,    // database schema too new / migration failed
  kUsage = 9001,          // bad command-line usage
  kInternal = 9999,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status ok() { return {}; }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "E1002 invalid UTF-8 at byte 17" — the form printed to users.
  std::string to_string() const;
  // Prefix context to the message: status.with_context("doc.txt") → "doc.txt: <message>".
  Status with_context(const std::string& context) const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Result<T>: a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}                  // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {}            // NOLINT
  Result(Code code, std::string message) : value_(Status(code, std::move(message))) {}

  bool is_ok() const { return std::holds_alternative<T>(value_); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const {
    static const Status kOkStatus;
    return is_ok() ? kOkStatus : std::get<Status>(value_);
  }
  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> value_;
};

[[noreturn]] void assert_fail(const char* cond, const char* why, const char* file, int line);

}  // namespace casus

// A bug, never bad input: input must not be able to reach a failing CASUS_ASSERT.
#define CASUS_ASSERT(cond, why)                                    \
  do {                                                             \
    if (!(cond)) ::casus::assert_fail(#cond, why, __FILE__, __LINE__); \
  } while (0)

#define CASUS_RETURN_IF_ERROR(expr)          \
  do {                                       \
    ::casus::Status casus_status_ = (expr);  \
    if (!casus_status_.is_ok()) return casus_status_; \
  } while (0)
