// The casus binary container: one file, many named sections, each checksummed and optionally zstd-compressed.
//
// Layout (all little-endian, see docs/formats/container.md):
//   magic[8]            "CASUS\x00\x01\x1a"
//   u32 format_version  container format version written (kContainerVersion)
//   u32 min_reader      oldest container reader that can read this file
//   str kind            what the file holds, e.g. "model.en" — a loader checks it
//   str description     provenance: training data, command, git hash, dev scores
//   u32 n_sections
//   n × { str name, u32 flags (bit0 = zstd), u64 offset, u64 stored_len, u64 raw_len, u32 crc32c(stored) }
//   section payloads
// Section names are never reused with a different meaning; a stage owns the names with its prefix
// ("tagger.", "parser.", "lemma.").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "casus/util/status.h"

namespace casus {

inline constexpr uint32_t kContainerVersion = 1;
inline constexpr uint32_t kContainerMinReader = 1;

class ContainerWriter {
 public:
  ContainerWriter(std::string kind, std::string description)
      : kind_(std::move(kind)), description_(std::move(description)) {}
  // compress: zstd level 19 for big, rarely-loaded sections; raw sections load faster.
  void add(const std::string& name, std::string payload, bool compress = true);
  // Provenance is often known only after training (dev scores): set it before serialize().
  void set_description(std::string description) { description_ = std::move(description); }
  bool has(const std::string& name) const { return sections_.count(name) != 0; }
  std::string serialize() const;
  Status write(const std::string& path) const;

 private:
  struct Section {
    std::string payload;
    bool compress;
  };
  std::string kind_, description_;
  std::map<std::string, Section> sections_;
};

class ContainerReader {
 public:
  // Parses and verifies the header, every CRC, and the kind; decompresses sections.
  static Result<ContainerReader> open(const std::string& path, std::string_view expected_kind);
  static Result<ContainerReader> from_bytes(std::string bytes, std::string_view expected_kind,
                                            const std::string& name_for_errors);

  bool has(const std::string& name) const { return sections_.count(name) != 0; }
  // Fails with kModelCorrupt naming the file when the section is absent.
  Result<std::string_view> section(const std::string& name) const;
  const std::string& kind() const { return kind_; }
  const std::string& description() const { return description_; }
  uint32_t format_version() const { return format_version_; }
  const std::map<std::string, std::string>& sections() const { return sections_; }

 private:
  std::string path_, kind_, description_;
  uint32_t format_version_ = 0;
  std::map<std::string, std::string> sections_;
};

}  // namespace casus
