// Phrase resolution at a date: names, aliases, demonyms, metonyms, title phrases and agent phrases.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_map>

#include "casus/kb/knowledge_base.h"
#include "casus/kb/loader.h"

namespace casus::kb {

namespace {

// Title phrases news use → role codes to try, in order. Keys are folded words joined by spaces (dashes split).
const std::unordered_map<std::string, std::vector<std::string>>& title_roles() {
  static const std::unordered_map<std::string, std::vector<std::string>> kMap = [] {
    std::unordered_map<std::string, std::vector<std::string>> m;
    auto add = [&](std::initializer_list<const char*> keys, std::vector<std::string> roles) {
      for (const char* k : keys) m[k] = roles;
    };
    add({"foreign minister", "foreign secretary", "secretary of state", "top diplomat", "minister of foreign affairs",
         "foreign affairs minister", "minister for foreign affairs"},
        {"foreign_minister"});
    add({"defense minister", "defence minister", "defense secretary", "defence secretary", "secretary of defense",
         "minister of defense", "minister of defence", "war minister", "secretary of war"},
        {"defence_minister"});
    add({"interior minister", "home secretary", "home minister", "minister of interior", "minister of the interior",
         "homeland security secretary"},
        {"interior_minister"});
    add({"finance minister", "treasury secretary", "chancellor of the exchequer", "minister of finance",
         "secretary of the treasury"},
        {"finance_minister"});
    add({"prime minister", "premier", "pm", "chancellor", "head of government"}, {"head_of_government"});
    add({"president", "head of state", "king", "emir", "monarch", "sultan", "queen"}, {"head_of_state"});
    // After a coup the junta's leader is the head of state the KB lists ("the country's coup leader").
    add({"coup leader", "junta leader", "junta chief", "junta head", "military ruler", "interim president",
         "transitional president", "interim leader", "transitional leader"},
        {"head_of_state"});
    add({"supreme leader", "leader of the revolution"}, {"supreme_leader"});
    add({"leader", "chief", "head", "ruler"},
        {"supreme_leader", "group_leader", "igo_head", "party_leader", "head_of_government", "head_of_state"});
    add({"political leader", "political chief", "politburo chief", "political bureau chief", "political bureau head",
         "politburo head"},
        {"group_leader"});
    add({"military leader", "military commander", "military chief", "army chief", "chief of staff",
         "chief of the general staff", "chief of general staff", "armed forces chief", "top general",
         "military wing leader", "military wing chief", "commander"},
        {"military_chief", "group_military_leader"});
    add({"intelligence chief", "spy chief", "spymaster", "intelligence head"}, {"intelligence_chief"});
    add({"vice president", "deputy president"}, {"vice_president"});
    add({"speaker", "parliament speaker", "speaker of parliament", "house speaker"}, {"speaker"});
    add({"spokesman", "spokeswoman", "spokesperson"}, {"spokesperson"});
    add({"opposition leader"}, {"opposition_leader"});
    add({"secretary general", "secretary-general", "director general", "director-general"}, {"igo_head"});
    return m;
  }();
  return kMap;
}

bool is_sponsor_word(const std::string& w) {
  return w == "backed" || w == "supported" || w == "sponsored" || w == "funded" || w == "allied" || w == "aligned" ||
         w == "affiliated" || w == "linked";
}

// Words [a, b) joined by spaces, folded (`&SubToken::folded`, the default) or as written (`&SubToken::original`).
std::string join(const std::vector<SubToken>& w, size_t a, size_t b, std::string SubToken::*form = &SubToken::folded) {
  std::string out;
  for (size_t i = a; i < b; ++i) out += (out.empty() ? "" : " ") + w[i].*form;
  return out;
}

}  // namespace

Resolution KnowledgeBase::resolve(std::string_view phrase, const Date& date) const {
  const auto& entries = impl_->entries;
  std::vector<SubToken> words = split_words(phrase);
  while (!words.empty() && (words.front().folded == "the" || words.front().folded == "a" || words.front().folded == "an"))
    words.erase(words.begin());
  // Trailing punctuation in a query ("Hezbollah.") carries no meaning.
  while (!words.empty() && words.back().folded.size() == 1 && !std::isalnum(static_cast<unsigned char>(words.back().folded[0])))
    words.pop_back();
  if (words.empty()) return {};

  auto describe = [&](const Entry& e, Via via) {
    Resolution r;
    r.entry = &e;
    r.name = e.name;
    r.kb_id = e.id;
    r.country = e.country;
    r.type = type_at(e, date);
    r.via = via_name(via);
    if (e.kind == EntryKind::kPerson) {
      auto roles = roles_at(e.id, date);
      if (!roles.empty()) {
        r.role = roles.front();
        r.role_title = role_display(*roles.front());
      }
    }
    return r;
  };
  auto best = [&](std::vector<Candidate> c, bool allow_kind(EntryKind)) -> std::optional<Candidate> {
    sort_candidates(entries, c);
    for (const auto& x : c)
      if (allow_kind(entries[x.entry].kind)) return x;
    return std::nullopt;
  };
  auto actor_kind = [](EntryKind k) {
    return k == EntryKind::kCountry || k == EntryKind::kOrganization || k == EntryKind::kAlliance;
  };
  auto agent_kind = [](EntryKind k) { return k == EntryKind::kAgent; };
  auto person_kind = [](EntryKind k) { return k == EntryKind::kPerson; };

  // 1. The whole phrase is a name, alias, demonym, metonym or agent noun. Among people sharing a name
  //    ("Khamenei"), the one holding a role at the date wins, then one alive at the date.
  {
    auto cands = impl_->matcher.exact(words);
    sort_candidates(entries, cands);
    if (!cands.empty()) {
      const Candidate* pick = &cands.front();
      if (entries[pick->entry].kind == EntryKind::kPerson) {
        int64_t day = date.first_day();
        auto score = [&](const Candidate& c) {
          const Entry& e = entries[c.entry];
          if (e.kind != EntryKind::kPerson) return -1;
          if (!roles_at(e.id, date).empty()) return 2;
          bool born = !e.start || e.start->first_day() <= day;
          bool alive = !e.end || day <= e.end->last_day();
          return born && alive ? 1 : 0;
        };
        for (const auto& c : cands)
          if (score(c) > score(*pick)) pick = &c;
      }
      return describe(entries[pick->entry], pick->via);
    }
  }

  // 2. <actor> <title> ("Iran's supreme leader", "Israeli Prime Minister", "Hamas leader"),
  //    <actor> <agent> ("Israeli troops", "Hezbollah fighters"), <actor>-backed <agent> ("Iran-backed militias").
  // (Only heads no longer than the longest alias can match: a giant noun phrase stays linear, not quadratic.)
  const size_t longest = impl_->matcher.max_words();
  for (size_t split = std::min(words.size() - 1, longest); split >= 1; --split) {
    std::vector<SubToken> head(words.begin(), words.begin() + split);
    auto hc = best(impl_->matcher.exact(head), actor_kind);
    if (!hc) continue;
    const Entry& actor = entries[hc->entry];
    size_t t = split;
    bool sponsored = t < words.size() && is_sponsor_word(words[t].folded);
    if (sponsored) ++t;
    if (t >= words.size()) continue;
    std::vector<SubToken> tail(words.begin() + t, words.end());
    // "Iran's proxies", "Iranian proxy militias": a state's proxies are sponsored by it, not of it.
    if (!sponsored)
      if (auto pc = best(impl_->matcher.exact(tail), agent_kind); pc && entries[pc->entry].id == "agent:proxies") {
        Resolution r = describe(entries[pc->entry], pc->via);
        r.country.clear();
        r.sponsor = actor.id;
        r.via = "sponsor_agent";
        return r;
      }
    if (sponsored) {
      // "Iran-backed Houthis": the group itself, with its backer.
      if (auto oc = best(impl_->matcher.exact(tail), [](EntryKind k) { return k == EntryKind::kOrganization; })) {
        Resolution r = describe(entries[oc->entry], oc->via);
        r.sponsor = actor.id;
        r.via = "sponsor_org";
        return r;
      }
      if (auto ac = best(impl_->matcher.exact(tail), agent_kind)) {
        Resolution r = describe(entries[ac->entry], ac->via);
        r.country.clear();
        r.sponsor = actor.id;
        r.via = "sponsor_agent";
        return r;
      }
      continue;
    }
    std::string title = join(words, t, words.size());
    // "the Yemeni capital", "Ukraine's capital": the country's capital city.
    if (actor.kind == EntryKind::kCountry && title == "capital" && !actor.capital.empty()) {
      auto cc = best(impl_->matcher.exact(split_words(actor.capital)), [](EntryKind k) { return k == EntryKind::kPlace; });
      if (cc && entries[cc->entry].country == actor.country) {
        Resolution r = describe(entries[cc->entry], cc->via);
        r.via = "capital";
        return r;
      }
    }
    // "Hamas's armed wing": the armed group whose parent is the actor.
    if (actor.kind == EntryKind::kOrganization && (title == "armed wing" || title == "military wing")) {
      for (const auto& e : entries)
        if (e.kind == EntryKind::kOrganization && e.parent == actor.id && e.subkind == "armed_group") {
          Resolution r = describe(e, Via::kName);
          r.via = "wing";
          return r;
        }
    }
    // "Iran's Revolutionary Guards", "Israel's Netanyahu": a named entity qualified by its state or group.
    if (auto nc = best(impl_->matcher.exact(std::vector<SubToken>(words.begin() + t, words.end())),
                       [](EntryKind k) { return k == EntryKind::kOrganization || k == EntryKind::kPerson; }))
      return describe(entries[nc->entry], nc->via);
    auto tr = title_roles().find(title);
    std::vector<std::string> tried;
    if (tr != title_roles().end()) tried = tr->second;
    // A role row whose own title matches the phrase ("Chief of the General Staff") also counts.
    auto org_roles = impl_->roles_by_org.find(actor.id);
    if (org_roles != impl_->roles_by_org.end())
      for (uint32_t ri : org_roles->second)
        if (impl_->role_title_keys[ri] == title &&
            std::find(tried.begin(), tried.end(), impl_->roles[ri].role) == tried.end())
          tried.insert(tried.begin(), impl_->roles[ri].role);
    // "Russian leader" is the president, "Israeli leader" the prime minister: parliamentary systems, where the
    // head of government leads, are listed; elsewhere the head of state comes first.
    if (actor.kind == EntryKind::kCountry && title == "leader") {
      static const std::set<std::string> kParliamentary = {
          "ISR", "GBR", "DEU", "ITA", "ESP", "JPN", "IND", "PAK", "CAN", "AUS", "NLD", "BEL", "SWE", "NOR", "DNK",
          "GRC", "IRQ", "HUN", "POL", "CZE", "SVK", "IRL", "NZL", "THA", "MYS", "ETH", "NPL", "BGD", "ARM", "GEO",
          "AUT", "PRT", "HRV", "SVN", "BGR", "EST", "LVA", "LTU", "SRB", "MNE", "MKD", "ALB", "KOS", "XKX", "SGP",
          "LKA", "LUX", "ISL", "MLT", "CYP", "JAM", "TTO", "BHS", "BRB", "MUS", "PNG", "FJI", "SLB", "VUT", "TON", "KHM"};
      tried = {"supreme_leader", "head_of_state", "head_of_government"};
      if (kParliamentary.count(actor.country)) std::swap(tried[1], tried[2]);
    }
    if (!tried.empty()) {
      for (const auto& role : tried) {
        auto h = holders(role, actor.id, date);
        if (h.empty()) continue;
        Resolution r = describe(entries[h.front()->person], Via::kName);
        r.role = h.front();
        r.role_title = role_display(*h.front());
        r.type = type_at(entries[h.front()->person], date);
        r.via = "title";
        return r;
      }
      // The office is known but not who held it then: the actor is still the state or group.
      Resolution r = describe(actor, hc->via);
      r.role_title = title + " of " + actor.name;
      r.via = "title_unfilled";
      return r;
    }
    if (auto ac = best(impl_->matcher.exact(tail), agent_kind)) {
      const Entry& agent = entries[ac->entry];
      if (actor.kind == EntryKind::kCountry) {
        Resolution r = describe(agent, ac->via);
        r.country = actor.country;
        r.via = "agent";
        return r;
      }
      Resolution r = describe(actor, hc->via);  // "Hamas fighters" are Hamas
      if (r.type.empty()) r.type = agent.type;
      r.via = "agent";
      return r;
    }
  }

  // 2b. <agent> of <actor> ("the army of Burkina Faso", "the people of Sudan"): the same as <actor> <agent>. Only
  //     one "of", only when what follows it is an actor's whole name, and only agents: a title ("head of Egypt")
  //     inside a run of capitalised words is too often a past or another office to name today's holder.
  for (size_t k = 1; k + 1 < words.size(); ++k) {
    if (words[k].folded != "of") continue;
    std::vector<SubToken> owner(words.begin() + k + 1, words.end());
    if (owner.size() > longest) break;
    // The owner is named ("of Italy", not "of Italian …"), and the office is not a past one ("former head of").
    auto oc = best(impl_->matcher.exact(owner), actor_kind);
    if (!oc || (oc->via != Via::kName && oc->via != Via::kAlias) || owner.back().possessive) break;  // "head of Egypt's …"
    if (std::any_of(words.begin(), words.begin() + k, [](const SubToken& w) {
          return w.folded == "of" || w.folded == "former" || w.folded == "ex" || w.folded == "late" || w.folded == "then";
        }))
      break;
    // Rebuilt from the words as written: aliases such as "US" match by case.
    const std::string swapped =
        join(words, k + 1, words.size(), &SubToken::original) + " " + join(words, 0, k, &SubToken::original);
    Resolution r = resolve(swapped, date);
    if (r.found() && r.entry->kind == EntryKind::kAgent) return r;
    break;
  }

  // 3. A title followed by a name ("Iranian Foreign Minister Abbas Araghchi"): the longest person suffix.
  for (size_t start = std::max<size_t>(1, words.size() > longest ? words.size() - longest : 0); start < words.size();
       ++start) {
    std::vector<SubToken> tail(words.begin() + start, words.end());
    if (auto c = best(impl_->matcher.exact(tail), person_kind)) return describe(entries[c->entry], c->via);
  }
  return {};
}

}  // namespace casus::kb
