#include "casus/read/input_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "casus/read/html.h"
#include "casus/read/json_record.h"
#include "casus/read/json_util.h"
#include "casus/util/hash.h"

namespace casus::read {

namespace fs = std::filesystem;

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f && f != stdin) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Reads lines of any length with a fixed buffer; a line over the limit is reported, not buffered.
class LineReader {
 public:
  explicit LineReader(FilePtr f) : f_(std::move(f)), buf_(1 << 16) {}
  // Next line without its "\n" (and without a trailing "\r"). False at the end of input.
  bool next(std::string& line, bool& too_long, size_t limit) {
    line.clear();
    too_long = false;
    bool started = false;
    for (;;) {
      if (pos_ == len_) {
        if (eof_) return finish(line, started);
        len_ = std::fread(buf_.data(), 1, buf_.size(), f_.get());
        pos_ = 0;
        if (len_ == 0) {
          eof_ = true;
          if (std::ferror(f_.get())) error_ = errno ? errno : EIO;
          return finish(line, started);
        }
      }
      started = true;
      const char* begin = buf_.data() + pos_;
      const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', len_ - pos_));
      const size_t chunk = nl ? static_cast<size_t>(nl - begin) : len_ - pos_;
      if (!too_long) {
        if (line.size() + chunk > limit) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(begin, chunk);
        }
      }
      pos_ += chunk;
      if (nl) {
        ++pos_;
        return finish(line, true);
      }
    }
  }
  // 1-based number of the line last returned.
  size_t line_no() const { return line_no_; }
  int error() const { return error_; }

 private:
  bool finish(std::string& line, bool got) {
    if (!got) return false;
    ++line_no_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }
  FilePtr f_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0, line_no_ = 0;
  bool eof_ = false;
  int error_ = 0;
};

// Reads at most `limit` bytes of a stream; sets `too_big` when more remain.
Status read_limited(std::FILE* f, size_t limit, std::string& out, bool& too_big) {
  out.clear();
  too_big = false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > limit) {
      too_big = true;
      return Status::ok();
    }
    out.append(buf, n);
  }
  if (std::ferror(f)) return Status(Code::kIo, std::string("read error: ") + std::strerror(errno));
  return Status::ok();
}

Status too_large(size_t size, size_t limit) {
  return Status(Code::kTooLarge, "larger than the limit of " + std::to_string(limit) + " bytes" +
                                     (size ? " (" + std::to_string(size) + " bytes)" : std::string()) +
                                     "; raise it with the size option or split the input");
}

}  // namespace

Format format_from_path(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return Format::kAuto;
  const std::string ext = lower_ascii(base.substr(dot + 1));
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonl;
  if (ext == "json") return Format::kJson;
  return Format::kAuto;
}

Format sniff_format(std::string_view head) {
  if (head.substr(0, 3) == "\xef\xbb\xbf") head.remove_prefix(3);
  size_t i = 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) ++i;
  if (i < head.size() && head[i] == '{') return Format::kJsonl;
  const std::string low = lower_ascii(head.substr(i, 2048));
  if (low.rfind("<!doctype html", 0) == 0 || low.rfind("<html", 0) == 0 || low.find("<body") != std::string::npos ||
      low.find("<p>") != std::string::npos || low.find("<div") != std::string::npos ||
      (low.rfind("<", 0) == 0 && low.find("</") != std::string::npos))
    return Format::kHtml;
  return Format::kText;
}

Status read_buffer(std::string_view raw, Format format, const std::string& name, const ReadOptions& options,
                   doc::Document& doc, DecodeStats* stats) {
  doc.meta.content_hash = fnv1a64(raw);
  doc.meta.id = name;
  auto decoded = decode(raw, options, stats);
  if (!decoded) return decoded.status();
  if (format == Format::kHtml) {
    auto content = extract_html(decoded.value());
    if (!content) return content.status();
    doc.text = std::move(content->text);
    doc.meta.title = std::move(content->title);
    doc.meta.url = std::move(content->url);
    doc.meta.source = std::move(content->site_name);
    if (content->published) {
      doc.meta.published = content->published;
      doc.meta.published_source = "meta";
    }
    if (!content->language.empty()) doc.meta.language = content->language;
    if (!doc.meta.url.empty()) doc.meta.id = doc.meta.url;
  } else {
    doc.text = std::move(decoded.value());
  }
  return Status::ok();
}

struct InputSource::Impl {
  struct DirFrame {
    std::string path;  // as opened
    std::string rel;   // relative to the directory argument ("" at its top)
    std::vector<std::string> entries;
    size_t next = 0;
  };

  std::vector<std::string> args;
  ReadOptions options;
  size_t next_arg = 0;
  std::vector<DirFrame> dirs;

  std::optional<LineReader> lines;  // the JSON Lines stream being read
  std::string stream_name;          // "news.jsonl", "stdin"
  std::string stream_path;          // "" for stdin

  nlohmann::json array;  // a .json file holding an array of records
  size_t array_next = 0;
  std::string array_name, array_path;

  size_t documents = 0, errors = 0;

  void error(Item& item, std::string name, Status status) {
    item.kind = Item::Kind::kError;
    item.name = std::move(name);
    item.status = std::move(status);
  }

  // Next line of the current stream as an item; false when the stream has ended.
  bool next_line(Item& item) {
    std::string line;
    bool too_long = false;
    while (lines->next(line, too_long, options.max_document_bytes)) {
      const std::string at = stream_name + ":" + std::to_string(lines->line_no());
      if (too_long) {
        error(item, at, too_large(0, options.max_document_bytes));
        return true;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
      item.name = at;
      Status st = parse_json_record(line, options, item.document, &item.stats);
      if (!st) {
        item.document = doc::Document();
        error(item, at, std::move(st));
        return true;
      }
      if (item.document.meta.id.empty())
        item.document.meta.id = !item.document.meta.url.empty() ? item.document.meta.url : at;
      item.document.meta.path = stream_path;
      return true;
    }
    if (lines->error()) {
      error(item, stream_name, Status(Code::kIo, std::string("read error: ") + std::strerror(lines->error())));
      lines.reset();
      return true;
    }
    lines.reset();
    return false;
  }

  bool next_array_element(Item& item) {
    if (array_next >= array.size()) {
      array = nlohmann::json();
      return false;
    }
    const size_t index = array_next++;
    const std::string at = array_name + "[" + std::to_string(index) + "]";
    item.name = at;
    Status st = parse_json_record(array[index].dump(), options, item.document, &item.stats);
    if (!st) {
      item.document = doc::Document();
      error(item, at, std::move(st));
      return true;
    }
    if (item.document.meta.id.empty())
      item.document.meta.id = !item.document.meta.url.empty() ? item.document.meta.url : at;
    item.document.meta.path = array_path;
    return true;
  }

  // Opens one file. Either fills `item` (returns true) or starts a stream that the next call reads (false).
  bool open_file(const std::string& path, const std::string& id, Format format, Item& item) {
    item.name = id;
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f) {
      error(item, id, Status(Code::kIo, std::string("cannot open: ") + std::strerror(errno)));
      return true;
    }
    struct stat sb {};
    const bool have_size = ::fstat(fileno(f.get()), &sb) == 0 && S_ISREG(sb.st_mode);
    if (format == Format::kAuto) {
      char head[2048];
      const size_t n = std::fread(head, 1, sizeof head, f.get());
      format = sniff_format(std::string_view(head, n));
      std::rewind(f.get());
    }
    if (format == Format::kJsonl) {
      lines.emplace(std::move(f));
      stream_name = id;
      stream_path = path;
      return false;
    }
    const size_t limit = format == Format::kJson ? options.max_document_bytes * 16 : options.max_document_bytes;
    if (have_size && static_cast<uint64_t>(sb.st_size) > limit) {
      error(item, id, too_large(static_cast<size_t>(sb.st_size), limit));
      return true;
    }
    std::string raw;
    bool too_big = false;
    if (Status st = read_limited(f.get(), limit, raw, too_big); !st) {
      error(item, id, std::move(st));
      return true;
    }
    if (too_big) {
      error(item, id, too_large(0, limit));
      return true;
    }
    if (format == Format::kJson) return open_json(raw, path, id, item);
    Status st = read_buffer(raw, format, id, options, item.document, &item.stats);
    if (!st) {
      item.document = doc::Document();
      error(item, id, std::move(st));
      return true;
    }
    item.document.meta.path = path;
    return true;
  }

  bool open_json(std::string_view raw, const std::string& path, const std::string& id, Item& item) {
    size_t i = raw.substr(0, 3) == "\xef\xbb\xbf" ? 3 : 0;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\t')) ++i;
    if (i < raw.size() && raw[i] == '[') {
      if (json_nesting_depth(raw, 65) > 65) {
        error(item, id, Status(Code::kBadJson, "nesting deeper than 64 levels"));
        return true;
      }
      array = nlohmann::json::parse(raw.begin() + static_cast<std::ptrdiff_t>(i), raw.end(), nullptr, false);
      if (array.is_discarded() || !array.is_array()) {
        array = nlohmann::json();
        error(item, id, Status(Code::kBadJson, "malformed JSON array (a .json file holds one object or an array "
                                               "of objects; use .jsonl for one object per line)"));
        return true;
      }
      array_next = 0;
      array_name = id;
      array_path = path;
      return false;
    }
    Status st = parse_json_record(raw.substr(i), options, item.document, &item.stats);
    if (!st) {
      item.document = doc::Document();
      error(item, id, std::move(st));
      return true;
    }
    if (item.document.meta.id.empty())
      item.document.meta.id = !item.document.meta.url.empty() ? item.document.meta.url : id;
    item.document.meta.path = path;
    return true;
  }

  bool open_stdin(Item& item) {
    const Format format = options.format != Format::kAuto ? options.format : options.stdin_format;
    if (format == Format::kJsonl || format == Format::kAuto) {
      lines.emplace(FilePtr(stdin));
      stream_name = "stdin";
      stream_path.clear();
      return false;
    }
    std::string raw;
    bool too_big = false;
    item.name = "stdin";
    const size_t limit = format == Format::kJson ? options.max_document_bytes * 16 : options.max_document_bytes;
    if (Status st = read_limited(stdin, limit, raw, too_big); !st) {
      error(item, "stdin", std::move(st));
      return true;
    }
    if (too_big) {
      error(item, "stdin", too_large(0, limit));
      return true;
    }
    if (format == Format::kJson) return open_json(raw, "", "stdin", item);
    Status st = read_buffer(raw, format, "stdin", options, item.document, &item.stats);
    if (!st) {
      item.document = doc::Document();
      error(item, "stdin", std::move(st));
    }
    return true;
  }

  // Lists a directory (sorted, dotfiles skipped) onto the walk stack.
  bool push_dir(const std::string& path, const std::string& rel, Item& item) {
    DirFrame frame{path, rel, {}, 0};
    std::error_code ec;
    fs::directory_iterator it(path, ec), end;
    while (!ec && it != end) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] != '.') frame.entries.push_back(std::move(name));
      it.increment(ec);
    }
    if (ec) {
      error(item, rel.empty() ? path : rel, Status(Code::kIo, "cannot list directory: " + ec.message()));
      return true;
    }
    std::sort(frame.entries.begin(), frame.entries.end());
    dirs.push_back(std::move(frame));
    return false;
  }

  bool step(Item& item) {
    for (;;) {
      if (lines) {
        if (next_line(item)) return true;
        continue;
      }
      if (array.is_array()) {
        if (next_array_element(item)) return true;
        continue;
      }
      if (!dirs.empty()) {
        DirFrame& top = dirs.back();
        if (top.next >= top.entries.size()) {
          dirs.pop_back();
          continue;
        }
        const std::string name = top.entries[top.next++];
        const std::string path = top.path + (top.path.empty() || top.path.back() == '/' ? "" : "/") + name;
        const std::string rel = top.rel.empty() ? name : top.rel + "/" + name;
        std::error_code ec;
        const fs::file_status link = fs::symlink_status(path, ec);
        if (ec) continue;
        if (fs::is_directory(link)) {
          if (push_dir(path, rel, item)) return true;
          continue;
        }
        const fs::file_status target = fs::is_symlink(link) ? fs::status(path, ec) : link;
        if (ec || !fs::is_regular_file(target)) {
          if (!ec && fs::is_directory(target)) {
            item.kind = Item::Kind::kSkipped;
            item.name = rel;
            item.status = Status(Code::kUnsupported, "symbolic link to a directory: not followed");
            return true;
          }
          continue;
        }
        Format format = options.format != Format::kAuto ? options.format : format_from_path(name);
        if (format == Format::kAuto) {
          item.kind = Item::Kind::kSkipped;
          item.name = rel;
          item.status = Status(Code::kUnsupported,
                               "not read: unknown extension (.txt .html .htm .jsonl .json are read; name the file "
                               "directly to have its format sniffed)");
          return true;
        }
        if (open_file(path, rel, format, item)) return true;
        continue;
      }
      if (next_arg >= args.size()) return false;
      const std::string arg = args[next_arg++];
      if (arg == "-") {
        if (open_stdin(item)) return true;
        continue;
      }
      std::error_code ec;
      const fs::file_status st = fs::status(arg, ec);
      if (ec || !fs::exists(st)) {
        error(item, arg, Status(Code::kIo, "no such file or directory"));
        return true;
      }
      if (fs::is_directory(st)) {
        if (push_dir(arg, "", item)) return true;
        continue;
      }
      const Format format = options.format != Format::kAuto ? options.format : format_from_path(arg);
      if (open_file(arg, arg, format, item)) return true;
    }
  }
};

InputSource::InputSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
InputSource::InputSource(InputSource&&) noexcept = default;
InputSource& InputSource::operator=(InputSource&&) noexcept = default;
InputSource::~InputSource() = default;

Result<InputSource> InputSource::open(std::vector<std::string> args, ReadOptions options) {
  if (args.empty()) return Status(Code::kUsage, "no input given (name files or directories, or - for stdin)");
  if (std::count(args.begin(), args.end(), "-") > 1)
    return Status(Code::kUsage, "standard input (-) can be read only once");
  if (options.max_document_bytes == 0) return Status(Code::kUsage, "the document size limit must be positive");
  auto impl = std::make_unique<Impl>();
  impl->args = std::move(args);
  impl->options = options;
  return InputSource(std::move(impl));
}

bool InputSource::next(Item& item) {
  item.kind = Item::Kind::kDocument;
  item.name.clear();
  item.status = Status::ok();
  item.document = doc::Document();
  item.stats = DecodeStats();
  bool got;
  try {
    got = impl_->step(item);
  } catch (const std::exception& e) {
    // The document boundary: nothing thrown inside a reader may end the batch.
    item.document = doc::Document();
    impl_->error(item, item.name.empty() ? "input" : item.name, Status(Code::kInternal, std::string("reader failed: ") + e.what()));
    got = true;
  }
  if (got) {
    if (item.kind == Item::Kind::kDocument) ++impl_->documents;
    else if (item.kind == Item::Kind::kError) ++impl_->errors;
  }
  return got;
}

size_t InputSource::documents() const { return impl_->documents; }
size_t InputSource::errors() const { return impl_->errors; }

}  // namespace casus::read
