#include "casus/kb/knowledge_base.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "casus/kb/loader.h"  // Impl

namespace casus::kb {

const char* entry_kind_name(EntryKind k) {
  switch (k) {
    case EntryKind::kCountry: return "country";
    case EntryKind::kPlace: return "place";
    case EntryKind::kAgent: return "agent";
    case EntryKind::kPerson: return "person";
    case EntryKind::kOrganization: return "organization";
    case EntryKind::kAlliance: return "alliance";
  }
  return "?";
}

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  out += severity == Severity::kError ? ": error E" : ": warning E";
  out += std::to_string(static_cast<int>(code)) + ": " + message;
  return out;
}

size_t CheckReport::errors() const {
  return size_t(std::count_if(diagnostics.begin(), diagnostics.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}
size_t CheckReport::warnings() const { return diagnostics.size() - errors(); }

KnowledgeBase::KnowledgeBase() : impl_(std::make_unique<Impl>()) {}
KnowledgeBase::~KnowledgeBase() = default;
KnowledgeBase::KnowledgeBase(KnowledgeBase&&) noexcept = default;
KnowledgeBase& KnowledgeBase::operator=(KnowledgeBase&&) noexcept = default;

const std::vector<Entry>& KnowledgeBase::entries() const { return impl_->entries; }
const std::vector<Role>& KnowledgeBase::roles() const { return impl_->roles; }
const std::vector<Membership>& KnowledgeBase::memberships() const { return impl_->memberships; }
const LoadStats& KnowledgeBase::stats() const { return impl_->stats; }
const Matcher& KnowledgeBase::matcher() const { return impl_->matcher; }

const Entry* KnowledgeBase::find_id(std::string_view id) const {
  auto it = impl_->by_id.find(std::string(id));
  return it == impl_->by_id.end() ? nullptr : &impl_->entries[it->second];
}

const Entry* KnowledgeBase::country(std::string_view iso3) const {
  return find_id(std::string("country:") + std::string(iso3));
}

const Entry* KnowledgeBase::national_forces(std::string_view iso3) const {
  auto it = impl_->national_forces.find(std::string(iso3));
  return it == impl_->national_forces.end() ? nullptr : &impl_->entries[it->second];
}

Result<KnowledgeBase> KnowledgeBase::load(const std::string& kb_dir) {
  auto t0 = std::chrono::steady_clock::now();
  KnowledgeBase kb;
  CheckReport report;
  build(kb_dir, *kb.impl_, report, /*full_checks=*/false);
  for (const auto& d : report.diagnostics) {
    if (d.severity != Severity::kError) continue;
    std::string msg = d.to_string();
    size_t n = report.errors();
    if (n > 1) msg += " (and " + std::to_string(n - 1) + " more errors: run `casus kb check`)";
    return Status(d.code, msg);
  }
  kb.impl_->stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return kb;
}

CheckReport KnowledgeBase::check(const std::string& kb_dir) {
  Impl impl;
  CheckReport report;
  build(kb_dir, impl, report, /*full_checks=*/true);
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// Time-aware queries

std::vector<const Role*> KnowledgeBase::roles_at(std::string_view person_id, const Date& date) const {
  std::vector<const Role*> out;
  auto it = impl_->by_id.find(std::string(person_id));
  if (it == impl_->by_id.end() || it->second >= impl_->roles_by_person.size()) return out;
  int64_t day = date.first_day();
  for (uint32_t r : impl_->roles_by_person[it->second])
    if (impl_->roles[r].days.contains(day)) out.push_back(&impl_->roles[r]);
  return out;
}

std::vector<const Role*> KnowledgeBase::holders(std::string_view role, std::string_view org, const Date& date) const {
  std::vector<const Role*> out;
  auto it = impl_->roles_by_org.find(std::string(org));
  if (it == impl_->roles_by_org.end()) return out;
  int64_t day = date.first_day();
  for (uint32_t r : it->second) {
    const Role& x = impl_->roles[r];
    if (x.role == role && x.days.contains(day)) out.push_back(&x);
  }
  // Qualified offices ("deputy", "acting", "head of Hamas abroad", "leader in Gaza") rank after the plain one;
  // then the most recently started first: when terms overlap by a day at a handover, the newcomer holds it.
  // The top title of a group ("Secretary-General", "political bureau chief") ranks first.
  auto qualified = [](const Role* r) {
    std::string t = " " + r->title + " ";
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* w : {" deputy ", " acting ", " abroad ", " in ", " vice ", " interim ", " former ", " council ",
                          " assistant ", " regional "})
      if (t.find(w) != std::string::npos) return 2;
    for (const char* w : {" secretary-general ", " secretary general ", " political bureau chief ", " leader ",
                          " emir ", " president ", " chairman ", " supreme leader ", " prime minister "})
      if (t == w) return 0;
    return 1;
  };
  std::stable_sort(out.begin(), out.end(), [&](const Role* a, const Role* b) {
    if (qualified(a) != qualified(b)) return qualified(a) < qualified(b);
    return a->days.first > b->days.first;
  });
  return out;
}

bool KnowledgeBase::is_member(std::string_view alliance, std::string_view member, const Date& date) const {
  auto it = impl_->by_id.find(std::string(alliance));
  if (it == impl_->by_id.end()) return false;
  int64_t day = date.first_day();
  for (const Membership& m : impl_->memberships)
    if (m.alliance == it->second && m.member == member && m.days.contains(day)) return true;
  return false;
}

std::string KnowledgeBase::type_at(const Entry& e, const Date& date) const {
  if (e.kind != EntryKind::kPerson) {
    // The Taliban were insurgents until August 2021 and the government since.
    for (const auto& p : e.type_history)
      if (p.days.contains(date.first_day())) return p.type;
    return e.type;
  }
  auto roles = roles_at(e.id, date);
  if (roles.empty()) return e.type;
  const Role& r = *roles.front();
  if (r.org.rfind("country:", 0) == 0) {
    if (r.role == "military_chief") return "MIL";
    if (r.role == "opposition_leader") return "OPP";
    if (r.role == "party_leader") return "PTY";
    if (r.role == "speaker") return "LEG";
    return "GOV";
  }
  const Entry* org = find_id(r.org);
  return org && !org->type.empty() ? org->type : "";
}

std::string KnowledgeBase::role_display(const Role& r) const {
  std::string title = r.title.empty() ? r.role : r.title;
  const Entry* org = find_id(r.org);
  if (!org || title.find(" of ") != std::string::npos) return title;
  return title + " of " + org->name;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

namespace {

int kind_rank(EntryKind k) {
  switch (k) {
    case EntryKind::kPerson: return 0;
    case EntryKind::kOrganization: return 1;
    case EntryKind::kAlliance: return 2;
    case EntryKind::kCountry: return 3;
    case EntryKind::kAgent: return 4;
    case EntryKind::kPlace: return 5;
  }
  return 6;
}

}  // namespace

void sort_candidates(const std::vector<Entry>& entries, std::vector<Candidate>& c) {
  std::stable_sort(c.begin(), c.end(), [&](const Candidate& a, const Candidate& b) {
    int ka = kind_rank(entries[a.entry].kind), kb = kind_rank(entries[b.entry].kind);
    if (ka != kb) return ka < kb;
    return static_cast<int>(a.via) < static_cast<int>(b.via);
  });
  // One candidate per entry (the best way it was named).
  std::vector<Candidate> out;
  for (const auto& x : c)
    if (std::none_of(out.begin(), out.end(), [&](const Candidate& y) { return y.entry == x.entry; })) out.push_back(x);
  c.swap(out);
}

std::vector<KbMatch> KnowledgeBase::find_mentions(const doc::Document& doc, size_t sentence) const {
  std::vector<SubToken> words;
  doc::TokenIdx first = doc.sentences.first[sentence], last = doc.sentences.last[sentence];
  words.reserve(last - first + 4);
  for (doc::TokenIdx t = first; t < last; ++t) split_token(doc.token_text(t), t, doc.tokens.begin[t], words);
  auto matches = impl_->matcher.scan(words);
  for (auto& m : matches) sort_candidates(impl_->entries, m.candidates);
  return matches;
}

std::vector<KbMatch> KnowledgeBase::find_mentions(std::string_view text) const {
  auto matches = impl_->matcher.scan(split_words(text));
  for (auto& m : matches) sort_candidates(impl_->entries, m.candidates);
  return matches;
}

}  // namespace casus::kb
