// casus model dump FILE: prints any casus container as text — kind, versions, description, and every section with
// its compression, stored/raw sizes and CRC (checked). Reads the header itself (docs/formats/container.md) so it
// can show files this build would refuse to load (other kinds, newer versions, bad CRCs).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "casus/cli/verbs.h"
#include "casus/util/bytes.h"
#include "casus/util/container.h"
#include "casus/util/file.h"
#include "casus/util/hash.h"

namespace casus::cli {

namespace {

struct DumpArgs {
  std::string path;
};

int run_dump(const DumpArgs& args) {
  auto bytes = read_file(args.path);
  if (!bytes) {
    print_error("model dump: " + bytes.status().to_string());
    return kExitSkipped;
  }
  ByteReader r(*bytes);
  if (r.raw(8) != std::string_view("CASUS\x00\x01\x1a", 8)) {
    print_error("model dump: " + args.path + ": not a casus file (bad magic)");
    return kExitSkipped;
  }
  uint32_t version = r.u32(), min_reader = r.u32();
  std::string kind(r.str()), description(r.str());
  uint32_t n = r.u32();
  if (r.failed()) {
    print_error("model dump: " + args.path + ": truncated header");
    return kExitSkipped;
  }
  std::printf("file: %s (%zu bytes)\n", args.path.c_str(), bytes->size());
  std::printf("format: container version %u, needs reader >= %u (this casus reads 1..%u)\n", version, min_reader,
              kContainerVersion);
  std::printf("kind: %s\n", kind.c_str());
  std::printf("description: %s\n", description.c_str());
  std::printf("sections: %u\n", n);
  std::printf("  %-28s %-5s %12s %12s %10s %s\n", "name", "zstd", "stored", "raw", "crc32c", "check");
  bool all_ok = true;
  for (uint32_t i = 0; i < n; ++i) {
    std::string name(r.str());
    uint32_t flags = r.u32();
    uint64_t offset = r.u64(), stored = r.u64(), raw = r.u64();
    uint32_t crc = r.u32();
    if (r.failed()) {
      print_error("model dump: " + args.path + ": truncated section table");
      return kExitSkipped;
    }
    const char* check = "ok";
    if (offset > bytes->size() || stored > bytes->size() - offset) {
      check = "PAST END OF FILE";
      all_ok = false;
    } else if (crc32c(bytes->data() + offset, stored) != crc) {
      check = "CRC MISMATCH";
      all_ok = false;
    }
    std::printf("  %-28s %-5s %12llu %12llu %08x   %s\n", name.c_str(), (flags & 1) ? "yes" : "no",
                static_cast<unsigned long long>(stored), static_cast<unsigned long long>(raw), crc, check);
  }
  // Section-level provenance: a loadable file also shows each component's own description.
  if (all_ok) {
    auto reader = ContainerReader::from_bytes(std::move(bytes.value()), "", args.path);
    if (reader && reader->has("parser.config")) {
      ByteReader c(*reader->section("parser.config"));
      uint32_t pv = c.u32();
      uint64_t fs = c.u64();
      std::string fs_name(c.str());
      uint64_t labels = c.u64();
      std::string pdesc(c.str());
      if (!c.failed())
        std::printf("parser.config: version %u, feature set %s (hash %s), %d labels\n  %s\n", pv, fs_name.c_str(),
                    hex64(fs).c_str(), __builtin_popcountll(labels), pdesc.c_str());
    }
  }
  return all_ok ? kExitOk : kExitSkipped;
}

}  // namespace

Verb add_model_verb(CLI::App& app) {
  auto args = std::make_shared<DumpArgs>();
  auto* cmd = app.add_subcommand("model", "Inspect casus binary files (models and other containers).");
  cmd->require_subcommand(1);
  auto* dump = cmd->add_subcommand("dump", "Print a casus container as text: kind, description, sections, CRCs.");
  dump->add_option("FILE", args->path, "Container file, e.g. models/en.casus")->required();
  return {cmd, [args] { return run_dump(*args); }};
}

}  // namespace casus::cli
