#include "casus/doc/string_store.h"

namespace casus::doc {

FrozenStrings::FrozenStrings() {
  storage_.emplace_back();
  views_.push_back(storage_.back());
}

StrId FrozenStrings::add(std::string_view s) {
  if (s.empty()) return kNoStr;
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  storage_.emplace_back(s);
  auto id = static_cast<StrId>(views_.size());
  views_.push_back(storage_.back());
  index_.emplace(views_.back(), id);
  return id;
}

StrId FrozenStrings::find(std::string_view s) const {
  auto it = index_.find(s);
  return it == index_.end() ? kNoStr : it->second;
}

StringStore::StringStore(std::shared_ptr<const FrozenStrings> frozen) : frozen_(std::move(frozen)) {
  frozen_size_ = frozen_ ? static_cast<StrId>(frozen_->size()) : 1;
}

StringStore::StringStore(const StringStore& other) : StringStore(other.frozen_) {
  for (std::string_view v : other.overlay_views_) intern(v);
}

StringStore& StringStore::operator=(const StringStore& other) {
  if (this != &other) {
    StringStore copy(other);
    *this = std::move(copy);
  }
  return *this;
}

StrId StringStore::find(std::string_view s) const {
  if (s.empty()) return kNoStr;
  if (frozen_) {
    if (StrId id = frozen_->find(s); id != kNoStr) return id;
  }
  auto it = overlay_index_.find(s);
  return it == overlay_index_.end() ? kNoStr : it->second;
}

StrId StringStore::intern(std::string_view s) {
  if (StrId id = find(s); id != kNoStr || s.empty()) return id;
  overlay_storage_.emplace_back(s);
  auto id = static_cast<StrId>(frozen_size_ + overlay_views_.size());
  overlay_views_.push_back(overlay_storage_.back());
  overlay_index_.emplace(overlay_views_.back(), id);
  return id;
}

std::string_view StringStore::get(StrId id) const {
  if (id == kNoStr) return {};
  if (id < frozen_size_) return frozen_ ? frozen_->get(id) : std::string_view();
  size_t i = id - frozen_size_;
  return i < overlay_views_.size() ? overlay_views_[i] : std::string_view();
}

}  // namespace casus::doc
