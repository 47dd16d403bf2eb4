#include "casus/read/decode.h"

#include "casus/text/utf8.h"

namespace casus::read {

const char* format_name(Format f) {
  switch (f) {
    case Format::kAuto: return "auto";
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kJsonl: return "jsonl";
    case Format::kJson: return "json";
  }
  return "?";
}

namespace {

// Windows-1252 bytes 0x80..0x9F; 0 marks the five undefined bytes (removed like controls).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Appends one decoded code point under the newline/control policy. Returns false when it was dropped.
inline void emit(std::string& out, char32_t cp, DecodeStats& st) {
  if (cp < 0x20) {
    if (cp == '\n' || cp == '\t') {
      out.push_back(static_cast<char>(cp));
    } else if (cp == '\f' || cp == '\v') {
      out.push_back('\n');
    } else {
      ++st.removed_controls;
    }
    return;
  }
  if (cp < 0x7F) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85)) {
    ++st.removed_controls;
    return;
  }
  if (cp == 0x85 || cp == 0x2028) {
    out.push_back('\n');
    return;
  }
  if (cp == 0x2029) {
    out.append("\n\n");
    return;
  }
  if (cp == 0xFEFF) {  // zero-width no-break space inside text: invisible, breaks word matching
    ++st.removed_controls;
    return;
  }
  text::append_utf8(out, cp);
}

}  // namespace

std::string_view sniff_binary(std::string_view raw) {
  struct Magic {
    std::string_view bytes;
    std::string_view name;
  };
  static constexpr Magic kMagic[] = {
      {"\x1f\x8b", "gzip data"},         {"%PDF-", "a PDF file"},         {"PK\x03\x04", "a ZIP archive"},
      {"\x89PNG", "a PNG image"},        {"GIF8", "a GIF image"},         {"\xff\xd8\xff", "a JPEG image"},
      {"\x28\xb5\x2f\xfd", "zstd data"}, {"BZh", "bzip2 data"},           {"\xfd" "7zXZ", "xz data"},
      {"\x7f" "ELF", "an ELF binary"},   {"SQLite format 3", "a SQLite database"},
  };
  for (const auto& m : kMagic) {
    if (m.bytes == "BZh") {
      if (starts_with(raw, "BZh") && raw.size() > 3 && raw[3] >= '1' && raw[3] <= '9') return m.name;
      continue;
    }
    if (starts_with(raw, m.bytes)) return m.name;
  }
  size_t nul = 0, ctrl = 0;
  for (char c : raw) {
    const auto b = static_cast<uint8_t>(c);
    if (b == 0) ++nul;
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') ++ctrl;
  }
  // A few stray NULs or escapes in a short text are noise the decoder removes; many of them mean binary data.
  if (nul >= 4 && nul * 100 > raw.size()) return "NUL-heavy data";
  if (ctrl >= 4 && ctrl * 10 > raw.size()) return "control-character-heavy data";
  return {};
}

Result<std::string> decode(std::string_view raw, const ReadOptions& options, DecodeStats* stats_out) {
  DecodeStats st;
  if (raw.size() > options.max_document_bytes)
    return Status(Code::kTooLarge, std::to_string(raw.size()) + " bytes, over the limit of " +
                                       std::to_string(options.max_document_bytes));
  if (starts_with(raw, "\xff\xfe") || starts_with(raw, "\xfe\xff"))
    return Status(Code::kInvalidUtf8, "UTF-16 text (byte order mark at byte 0); convert it to UTF-8");
  if (std::string_view kind = sniff_binary(raw); !kind.empty())
    return Status(Code::kBinaryInput, "binary input (" + std::string(kind) + "), not text");
  if (starts_with(raw, "\xef\xbb\xbf")) {
    raw.remove_prefix(3);
    st.had_bom = true;
  }

  // Pass 1: how much is invalid, and is there any valid multi-byte sequence (i.e. is this UTF-8 at all)?
  size_t invalid = 0, multibyte = 0, first_bad = std::string_view::npos;
  for (size_t pos = 0; pos < raw.size();) {
    if (static_cast<uint8_t>(raw[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t at = pos;
    const char32_t cp = text::decode_at(raw, pos);
    if (cp == text::kReplacementChar && pos - at == 1) {
      ++invalid;
      if (first_bad == std::string_view::npos) first_bad = at + (st.had_bom ? 3 : 0);
    } else {
      ++multibyte;
    }
  }
  const bool cp1252 = invalid > 0 && multibyte == 0;
  if (!cp1252 && invalid > 0 && static_cast<double>(invalid) > options.max_invalid_fraction * raw.size())
    return Status(Code::kInvalidUtf8, "not UTF-8: " + std::to_string(invalid) + " invalid bytes, the first at byte " +
                                          std::to_string(first_bad));

  // Pass 2: decode and normalise.
  std::string out;
  out.reserve(raw.size() + raw.size() / 8);
  for (size_t pos = 0; pos < raw.size();) {
    const auto b = static_cast<uint8_t>(raw[pos]);
    if (b >= 0x20 && b < 0x7F) {  // printable ASCII: the common case
      out.push_back(static_cast<char>(b));
      ++pos;
      continue;
    }
    if (b == '\r') {
      out.push_back('\n');
      pos += (pos + 1 < raw.size() && raw[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (b < 0x80) {
      emit(out, b, st);
      ++pos;
      continue;
    }
    if (cp1252) {
      const char32_t cp = b < 0xA0 ? kCp1252High[b - 0x80] : static_cast<char32_t>(b);
      if (cp == 0) ++st.removed_controls; else emit(out, cp, st);
      ++pos;
      continue;
    }
    const size_t at = pos;
    const char32_t cp = text::decode_at(raw, pos);
    if (cp == text::kReplacementChar && pos - at == 1) {
      ++st.invalid_bytes;
      text::append_utf8(out, text::kReplacementChar);
      continue;
    }
    emit(out, cp, st);
  }
  st.windows_1252 = cp1252;
  if (stats_out) *stats_out = st;
  bool blank = true;
  for (char c : out) {
    if (c != ' ' && c != '\t' && c != '\n') {
      blank = false;
      break;
    }
  }
  if (blank) return Status(Code::kEmptyInput, "no text (empty or only whitespace)");
  return out;
}

}  // namespace casus::read
