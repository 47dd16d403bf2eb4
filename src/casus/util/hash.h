// Stable hashes. These are part of file formats (model feature hashing, content hashes in the store):
// changing them changes model files and stored ids, so they are defined over unsigned bytes, fixed forever.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace casus {

// FNV-1a, 64 bit, over the bytes as uint8_t (never plain char: see fastText's sign-extension lesson).
constexpr uint64_t fnv1a64(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Mixes two 64-bit values (splitmix64 finaliser); used to combine feature template ids with values.
constexpr uint64_t mix64(uint64_t a, uint64_t b) {
  uint64_t z = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// CRC-32C (Castagnoli), software table implementation; used for model section checksums.
uint32_t crc32c(const void* data, size_t size, uint32_t crc = 0);

// Lower-case hex of a 64-bit value, 16 characters.
std::string hex64(uint64_t v);

}  // namespace casus
