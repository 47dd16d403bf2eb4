#include "casus/util/container.h"

#include <zstd.h>

#include "casus/util/bytes.h"
#include "casus/util/file.h"
#include "casus/util/hash.h"

namespace casus {

namespace {
constexpr std::string_view kMagic("CASUS\x00\x01\x1a", 8);
constexpr uint32_t kFlagZstd = 1;
}  // namespace

void ContainerWriter::add(const std::string& name, std::string payload, bool compress) {
  sections_[name] = Section{std::move(payload), compress};
}

std::string ContainerWriter::serialize() const {
  struct Stored {
    std::string bytes;
    uint32_t flags;
    uint64_t raw_len;
  };
  std::map<std::string, Stored> stored;
  for (const auto& [name, sec] : sections_) {
    Stored s{sec.payload, 0, sec.payload.size()};
    if (sec.compress && !sec.payload.empty()) {
      std::string out(ZSTD_compressBound(sec.payload.size()), '\0');
      size_t n = ZSTD_compress(out.data(), out.size(), sec.payload.data(), sec.payload.size(), 19);
      CASUS_ASSERT(!ZSTD_isError(n), "zstd compression of an in-memory buffer cannot fail");
      out.resize(n);
      s.bytes = std::move(out);
      s.flags = kFlagZstd;
    }
    stored[name] = std::move(s);
  }
  // Header size is needed for offsets: write it twice, the first time to measure.
  auto header = [&](uint64_t base) {
    ByteWriter w;
    w.raw(kMagic);
    w.u32(kContainerVersion);
    w.u32(kContainerMinReader);
    w.str(kind_);
    w.str(description_);
    w.u32(static_cast<uint32_t>(stored.size()));
    uint64_t offset = base;
    for (const auto& [name, s] : stored) {
      w.str(name);
      w.u32(s.flags);
      w.u64(offset);
      w.u64(s.bytes.size());
      w.u64(s.raw_len);
      w.u32(crc32c(s.bytes.data(), s.bytes.size()));
      offset += s.bytes.size();
    }
    return w.take();
  };
  std::string head = header(0);
  head = header(head.size());
  for (const auto& [name, s] : stored) head += s.bytes;
  return head;
}

Status ContainerWriter::write(const std::string& path) const { return write_file_atomic(path, serialize()); }

Result<ContainerReader> ContainerReader::open(const std::string& path, std::string_view expected_kind) {
  auto bytes = read_file(path);
  if (!bytes) {
    if (bytes.status().code() == Code::kIo) return Status(Code::kModelMissing, bytes.status().message());
    return bytes.status();
  }
  return from_bytes(std::move(bytes.value()), expected_kind, path);
}

Result<ContainerReader> ContainerReader::from_bytes(std::string bytes, std::string_view expected_kind,
                                                    const std::string& name) {
  ByteReader r(bytes);
  if (r.raw(8) != kMagic) return Status(Code::kModelCorrupt, name + ": not a casus file (bad magic)");
  ContainerReader out;
  out.path_ = name;
  out.format_version_ = r.u32();
  uint32_t min_reader = r.u32();
  if (min_reader > kContainerVersion)
    return Status(Code::kModelVersion, name + ": written in container format " + std::to_string(out.format_version_) +
                                           ", needs a reader of version >= " + std::to_string(min_reader) +
                                           "; this casus reads versions 1.." + std::to_string(kContainerVersion) +
                                           " (upgrade casus or retrain the model)");
  out.kind_ = std::string(r.str());
  out.description_ = std::string(r.str());
  if (r.failed()) return Status(Code::kModelCorrupt, name + ": truncated header");
  if (!expected_kind.empty() && out.kind_ != expected_kind)
    return Status(Code::kModelCorrupt,
                  name + ": holds '" + out.kind_ + "', expected '" + std::string(expected_kind) + "'");
  uint32_t n = r.u32();
  for (uint32_t i = 0; i < n && !r.failed(); ++i) {
    std::string sec_name(r.str());
    uint32_t flags = r.u32();
    uint64_t offset = r.u64(), stored_len = r.u64(), raw_len = r.u64();
    uint32_t crc = r.u32();
    if (r.failed()) break;
    if (offset > bytes.size() || stored_len > bytes.size() - offset)
      return Status(Code::kModelCorrupt, name + ": section '" + sec_name + "' extends past the end of the file");
    std::string_view stored(bytes.data() + offset, stored_len);
    if (crc32c(stored.data(), stored.size()) != crc)
      return Status(Code::kModelCorrupt, name + ": section '" + sec_name + "' fails its CRC check");
    std::string payload;
    if (flags & kFlagZstd) {
      if (raw_len > (uint64_t(1) << 33))
        return Status(Code::kModelCorrupt, name + ": section '" + sec_name + "' claims an absurd size");
      payload.resize(raw_len);
      size_t got = ZSTD_decompress(payload.data(), payload.size(), stored.data(), stored.size());
      if (ZSTD_isError(got) || got != raw_len)
        return Status(Code::kModelCorrupt, name + ": section '" + sec_name + "' does not decompress");
    } else {
      payload.assign(stored);
    }
    out.sections_[sec_name] = std::move(payload);
  }
  if (r.failed()) return Status(Code::kModelCorrupt, name + ": truncated section table");
  return out;
}

Result<std::string_view> ContainerReader::section(const std::string& name) const {
  auto it = sections_.find(name);
  if (it == sections_.end())
    return Status(Code::kModelCorrupt, path_ + ": missing section '" + name + "'");
  return std::string_view(it->second);
}

}  // namespace casus
