// Interned strings: a frozen store built once (from a model or lexicon) and shared read-only across threads,
// plus a per-document overlay for strings only that document has. Nothing global grows in a long-running server:
// the overlay dies with its document.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casus::doc {

using StrId = uint32_t;
inline constexpr StrId kNoStr = 0;  // id 0 is always the empty string

// Immutable after freeze(); safe to share between threads.
class FrozenStrings {
 public:
  FrozenStrings();
  FrozenStrings(const FrozenStrings&) = delete;  // views point into storage_: share by shared_ptr instead
  FrozenStrings& operator=(const FrozenStrings&) = delete;
  // Building phase only (before sharing).
  StrId add(std::string_view s);
  StrId find(std::string_view s) const;  // kNoStr if absent (and for "")
  std::string_view get(StrId id) const { return views_[id]; }
  size_t size() const { return views_.size(); }

 private:
  std::deque<std::string> storage_;  // deque: stable addresses for the views
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, StrId> index_;
};

// A document's view of strings: frozen ids first, then its own overlay ids.
class StringStore {
 public:
  explicit StringStore(std::shared_ptr<const FrozenStrings> frozen = nullptr);
  // The index holds views into the storage, so a copy re-interns; a move keeps the storage blocks in place.
  StringStore(const StringStore& other);
  StringStore& operator=(const StringStore& other);
  StringStore(StringStore&&) noexcept = default;
  StringStore& operator=(StringStore&&) noexcept = default;
  StrId intern(std::string_view s);
  StrId find(std::string_view s) const;  // kNoStr if absent
  std::string_view get(StrId id) const;
  bool is_frozen_id(StrId id) const { return id < frozen_size_; }
  const FrozenStrings* frozen() const { return frozen_.get(); }
  size_t overlay_size() const { return overlay_views_.size(); }

 private:
  std::shared_ptr<const FrozenStrings> frozen_;
  StrId frozen_size_ = 1;
  std::deque<std::string> overlay_storage_;
  std::vector<std::string_view> overlay_views_;
  std::unordered_map<std::string_view, StrId> overlay_index_;
};

}  // namespace casus::doc
