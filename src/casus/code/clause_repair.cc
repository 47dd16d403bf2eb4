#include "casus/code/clause_repair.h"

#include <algorithm>
#include <string>
#include <vector>

#include "casus/code/time_expr.h"
#include "casus/text/utf8.h"
#include "casus/util/words.h"

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;
using doc::UPos;

namespace {

// "Tense=Past|VerbForm=Part|Voice=Pass" → "Mood=Ind|Tense=Past|VerbForm=Fin": the finite past of the same verb.
std::string finite_past(std::string_view feats) {
  std::string out = "Mood=Ind";
  size_t pos = 0;
  while (pos <= feats.size()) {
    size_t bar = feats.find('|', pos);
    std::string_view f = feats.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    if (!f.empty() && f.rfind("VerbForm=", 0) != 0 && f.rfind("Voice=", 0) != 0 && f.rfind("Mood=", 0) != 0 &&
        f.rfind("Tense=", 0) != 0) {
      out += '|';
      out += f;
    }
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  out += "|Tense=Past|VerbForm=Fin";
  return out;
}

bool nominal_root(const doc::Document& d, TokenIdx r, TokenIdx first, TokenIdx last) {
  UPos u = d.tokens.upos[r];
  if (u == UPos::kNoun || u == UPos::kPropn) return true;
  // "A senior EU official today welcomed …": a determiner shows an adjective-tagged head is a noun.
  if (u != UPos::kAdj) return false;
  for (TokenIdx t = first; t < last; ++t)
    if (d.tokens.head[t] == static_cast<int32_t>(r) && d.tokens.deprel[t] == Deprel::kDet) return true;
  return false;
}

// Is `t` inside the subtree of `anc` (t itself counts)? Bounded, so a malformed tree cannot loop.
bool is_under(const doc::Document& d, int32_t t, int32_t anc) {
  for (int guard = 0; t >= 0 && guard < 512; ++guard, t = d.tokens.head[t])
    if (t == anc) return true;
  return false;
}

// The verbs that report speech, whose subject is a source ("said", "told", "added").
bool is_reporting_lemma(std::string_view lemma) {
  return one_of(lemma, {"say", "tell", "add", "report", "confirm", "state", "claim"});
}

// Re-attaches token t under `head` with relation `rel`.
void attach(doc::Document& d, TokenIdx t, int32_t head, Deprel rel) {
  d.tokens.head[t] = head;
  d.tokens.deprel[t] = rel;
}

// The subordinating preposition ("after", "before", "until" …) among noun n's case markers before it, -1 none.
int32_t subordinating_case(const doc::Document& d, TokenIdx first, TokenIdx n) {
  int32_t marker = -1;
  for (TokenIdx c = first; c < n; ++c)
    if (d.tokens.head[c] == static_cast<int32_t>(n) && d.tokens.deprel[c] == Deprel::kCase &&
        one_of(text::lower(d.token_text(c)), {"after", "before", "until", "since", "as", "once", "because"}))
      marker = static_cast<int32_t>(c);
  return marker;
}

// Is token t a dash used as punctuation ("–", "—", "-", "--")?
bool is_dash_token(const doc::Document& d, TokenIdx t) {
  const std::string_view w = d.token_text(t);
  if (w == "--") return true;
  size_t pos = 0;
  const char32_t c = text::decode_at(w, pos);
  return pos == w.size() && text::is_dash(c);
}

// Is token w "who" or "which" as a clause's subject (the opening of a relative clause)?
bool relative_subject(const doc::Document& d, TokenIdx w) {
  const std::string lower = text::lower(d.token_text(w));
  return (lower == "who" || lower == "which") && doc::deprel_universal(d.tokens.deprel[w]) == Deprel::kNsubj;
}

// The relation of a subject that `verb` takes: nsubj:pass when a passive auxiliary of it stands in [from, verb).
Deprel subject_relation(const doc::Document& d, int32_t verb, TokenIdx from) {
  for (TokenIdx c = from; c < static_cast<TokenIdx>(verb); ++c)
    if (d.tokens.head[c] == verb && d.tokens.deprel[c] == Deprel::kAuxPass) return Deprel::kNsubjPass;
  return Deprel::kNsubj;
}

}  // namespace

// The root token of sentence [first, last), -1 when the tree has none.
int32_t sentence_root(const doc::Document& d, TokenIdx first, TokenIdx last) {
  int32_t root = -1;
  for (TokenIdx t = first; t < last; ++t)
    if (d.tokens.head[t] < 0) root = static_cast<int32_t>(t);
  return root;
}

// Does `head` govern a dependent (in its sentence) whose universal relation is one of `rels`?
bool has_dependent(const doc::Document& d, TokenIdx head, std::initializer_list<Deprel> rels) {
  const size_t s = d.sentence_of(head);
  for (TokenIdx c = d.sentences.first[s]; c < d.sentences.last[s]; ++c)
    if (d.tokens.head[c] == static_cast<int32_t>(head) &&
        std::find(rels.begin(), rels.end(), doc::deprel_universal(d.tokens.deprel[c])) != rels.end())
      return true;
  return false;
}

namespace {

// Runs `repair(first, last, root)` on every sentence that has a root; returns how many it changed (it returns true).
template <typename Repair>
size_t repair_each_sentence(doc::Document& d, Repair repair) {
  size_t repaired = 0;
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    const TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
    const int32_t root = sentence_root(d, first, last);
    if (root >= 0 && repair(first, last, root)) ++repaired;
  }
  return repaired;
}

// A line without final punctuation (a headline, a caption): its last token is no full stop, question or exclamation
// mark, or closing quote.
bool is_headline_line(const doc::Document& d, TokenIdx first, TokenIdx last) {
  if (last <= first) return false;
  const std::string_view x = d.xpos(last - 1);
  return x != "." && x != "''";
}

// Could the past-tense verb t be a participle written as a past ("lifted", "found"; not "broke", "rose")? Verbs that
// are seldom transitive ("died", "rallied", "resigned") say what their subject did, even in a headline.
bool past_reads_as_participle(const doc::Document& d, TokenIdx t) {
  const std::string form = text::lower(d.token_text(t));
  const std::string_view lemma = d.lemma(t);
  if (one_of(lemma, {"die", "rally", "march", "protest", "resign", "clash", "vote", "surge", "gather", "arrive", "return",
                     "retreat", "happen", "occur", "erupt", "escalate", "soar", "plunge", "jump", "drop", "collapse",
                     "explode", "struggle", "remain", "stay", "fail", "succeed", "agree", "riot", "crash", "land",
                     "emerge", "disappear", "survive", "continue", "start", "end", "begin", "rise", "fall", "live",
                     "work", "talk", "campaign", "demonstrate", "strike", "walk", "hold", "stand", "wait", "look",
                     "appear", "seem", "act", "respond", "react", "object", "disagree", "testify", "pledge", "vow",
                     "decide", "plan", "try", "refuse", "threaten", "warn", "claim", "insist", "say"}))
    return false;
  if (form.size() > 4 && form.compare(form.size() - 2, 2, "ed") == 0) return true;
  // Irregular verbs whose past is their participle, and participles the tagger may write as pasts.
  return one_of(form, {"found", "sent", "hit", "shot", "caught", "left", "lost", "kept", "built", "led", "sold", "cut",
                       "set", "put", "bought", "brought", "paid", "told", "met", "won", "spent", "fought", "taught",
                       "beaten", "seen", "taken", "given"});
}

// "Social Media Platforms Suspended in North Kenya": in a headline, a participle root with a subject, no
// auxiliary and no object is a passive whose auxiliary was dropped; its subject is the passive subject.
// A headline's active verbs are in the present, so a past form that can be a participle reads the same way
// ("Curfew lifted in Nairobi", "Four found guilty"), unless a clause or infinitive follows that only an active
// subject takes ("Mayor announced that …", "Rebels agreed to talks"; "Army urged to end …" is passive: urging
// has its object do the infinitive).
size_t repair_headline_passives(doc::Document& d) {
  return repair_each_sentence(d, [&](TokenIdx first, TokenIdx last, int32_t root) {
    const auto verb = static_cast<TokenIdx>(root);
    if (d.tokens.upos[verb] != UPos::kVerb || !is_headline_line(d, first, last)) return false;
    const bool past = d.xpos(verb) == "VBD";
    if (d.xpos(verb) != "VBN" && !(past && past_reads_as_participle(d, verb))) return false;
    const bool object_control = one_of(d.lemma(verb), {"urge", "ask", "order", "tell", "force", "invite", "encourage",
                                                       "pressure", "press", "call", "expect", "allow", "require"});
    int32_t subject = -1;
    bool blocked = false;
    for (TokenIdx c = first; c < last; ++c) {
      if (d.tokens.head[c] != root) continue;
      const Deprel r = doc::deprel_universal(d.tokens.deprel[c]);
      if (r == Deprel::kNsubj && d.tokens.deprel[c] == Deprel::kNsubj && c < verb) subject = c;
      if (r == Deprel::kAux || r == Deprel::kObj || r == Deprel::kCcomp || r == Deprel::kCop) blocked = true;
      if (past && r == Deprel::kXcomp && !object_control) blocked = true;
    }
    if (subject < 0 || blocked) return false;
    d.tokens.deprel[subject] = Deprel::kNsubjPass;
    if (past) {
      d.tokens.xpos[verb] = d.strings.intern("VBN");
      d.tokens.feats[verb] = d.strings.intern("Tense=Past|VerbForm=Part");
    }
    return true;
  });
}

// "Incumbent Spreading Fake News", "Bilateral Trade Growing Rapidly": a headline drops the auxiliary of its
// progressives too. In a headline whose root is a noun, a gerund the parser hung on it as a clause, with no
// subject of its own, is the main verb and the noun its subject.
size_t repair_headline_progressives(doc::Document& d) {
  return repair_each_sentence(d, [&](TokenIdx first, TokenIdx last, int32_t root) {
    if (!is_headline_line(d, first, last) || !nominal_root(d, static_cast<TokenIdx>(root), first, last)) return false;
    for (TokenIdx g = static_cast<TokenIdx>(root) + 1; g < last; ++g) {
      // (Hung on the root or on a noun of its phrase: "Trade Between Kenya and Uganda Growing" hangs it on Uganda.)
      const int32_t h = d.tokens.head[g];
      if (h < 0 || d.tokens.deprel[g] != Deprel::kAcl || d.xpos(g) != "VBG") continue;
      if (h != root && !(is_under(d, h, root) && (d.tokens.upos[h] == UPos::kNoun || d.tokens.upos[h] == UPos::kPropn)))
        continue;
      if (has_dependent(d, g, {Deprel::kNsubj, Deprel::kAux, Deprel::kMark})) return false;
      for (TokenIdx t = g + 1; t < last; ++t)
        if (d.tokens.head[t] == root || d.tokens.head[t] == h) d.tokens.head[t] = static_cast<int32_t>(g);
      attach(d, g, -1, Deprel::kRoot);
      attach(d, static_cast<TokenIdx>(root), static_cast<int32_t>(g), Deprel::kNsubj);
      return true;
    }
    return false;
  });
}

// "The president – who holds a mostly symbolic office – was arrested too": a relative clause set off by dashes
// between a subject and its verb. The parser reads the relative clause as the main clause ("who has" the root)
// and hangs the real verb inside it. Undo: the relative clause belongs to the noun before the first dash, and
// the verb after the second dash (past auxiliaries and adverbs) is the main verb with that noun as its subject.
size_t repair_dashed_relatives(doc::Document& d) {
  size_t repaired = 0;
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    const TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
    for (TokenIdx d1 = first + 1; d1 + 2 < last; ++d1) {
      if (!is_dash_token(d, d1)) continue;
      const TokenIdx w = d1 + 1, n = d1 - 1;
      if (!relative_subject(d, w)) continue;
      if (d.tokens.upos[n] != UPos::kNoun && d.tokens.upos[n] != UPos::kPropn) continue;
      const int32_t v1 = d.tokens.head[w];
      TokenIdx d2 = w + 1;
      while (d2 < last && !is_dash_token(d, d2)) ++d2;
      if (d2 >= last || v1 <= static_cast<int32_t>(w) || v1 >= static_cast<int32_t>(d2)) continue;
      // The main verb: the first verb after the second dash, past auxiliaries, adverbs and "not".
      TokenIdx v2 = d2 + 1;
      while (v2 < last && (d.tokens.upos[v2] == UPos::kAux || d.tokens.upos[v2] == UPos::kAdv ||
                           d.tokens.upos[v2] == UPos::kPart))
        ++v2;
      if (v2 >= last || d.tokens.upos[v2] != UPos::kVerb) continue;
      // Only when the parser hung that verb inside the parenthesis; a verb attached elsewhere was read right.
      const int32_t h2 = d.tokens.head[v2];
      if (h2 < static_cast<int32_t>(d1) || h2 > static_cast<int32_t>(d2)) continue;
      // The noun phrase's head: the noun itself or the word it attaches to inside the phrase before the dash.
      int32_t subject = static_cast<int32_t>(n);
      while (d.tokens.head[subject] >= static_cast<int32_t>(first) && d.tokens.head[subject] < static_cast<int32_t>(d1) &&
             doc::deprel_universal(d.tokens.deprel[subject]) != Deprel::kNsubj)
        subject = d.tokens.head[subject];
      // The clause the main verb takes the place of: the relative clause read as the main one, or (when the parser
      // did hang the relative clause on the noun) the noun phrase read as the root.
      const int32_t replaced = d.tokens.head[v1] == subject ? subject : v1;
      const int32_t new_head = d.tokens.head[replaced];
      const Deprel new_rel = d.tokens.deprel[replaced];
      if (new_head >= 0 && is_under(d, new_head, static_cast<int32_t>(v2))) continue;
      attach(d, v2, new_head, new_head < 0 ? Deprel::kRoot : new_rel);
      bool passive = false;
      for (TokenIdx c = d2 + 1; c < v2; ++c)
        if (d.tokens.deprel[c] == Deprel::kAuxPass) passive = true;
      attach(d, static_cast<TokenIdx>(subject), static_cast<int32_t>(v2), passive ? Deprel::kNsubjPass : Deprel::kNsubj);
      attach(d, static_cast<TokenIdx>(v1), subject, Deprel::kAclRelcl);
      attach(d, d1, v1, Deprel::kPunct);
      attach(d, d2, v1, Deprel::kPunct);
      // What followed the parenthesis and hung on its verb belongs to the main verb (the full stop, objects).
      for (TokenIdx t = d2 + 1; t < last; ++t)
        if (t != v2 && (d.tokens.head[t] == v1 || d.tokens.head[t] == subject)) d.tokens.head[t] = static_cast<int32_t>(v2);
      ++repaired;
      d1 = d2;
    }
  }
  return repaired;
}

// "Estonia, which signed a trade pact last year, has begun importing grain": with the relative clause set off by
// commas, the parser sometimes reads the main verb as one more verb of the relative clause (a conjunct with no
// coordinator) and leaves the noun as a verbless root. When the root is a noun carrying such a "who"/"which"
// clause, the first verb after a comma that hangs inside the clause as a conjunct without "and"/"or" and without a
// subject of its own is the main verb, the noun its subject.
size_t repair_comma_relatives(doc::Document& d) {
  return repair_each_sentence(d, [&](TokenIdx first, TokenIdx last, int32_t root) {
    bool changed = false;
    // The other reading of the same error: the main verb is the root but has no subject, and the noun hangs on it
    // loosely (vocative, dislocated, parataxis) with the relative clause as an adverbial.
    if (d.tokens.upos[root] == UPos::kVerb && !has_dependent(d, static_cast<TokenIdx>(root), {Deprel::kNsubj})) {
      // "Russia, he said, has expressed its support …": a reporting clause set off by commas after the subject
      // took the subject as its own loose dependent. The noun before it is the main verb's subject, the
      // reporting clause a parenthetical.
      for (TokenIdx v1 = first + 3; v1 + 1 < static_cast<TokenIdx>(root); ++v1) {
        if (d.tokens.upos[v1] != UPos::kVerb || !is_reporting_lemma(text::lower(d.lemma(v1))) ||
            d.tokens.head[v1] != root || d.token_text(v1 + 1) != "," || !has_dependent(d, v1, {Deprel::kNsubj}))
          continue;
        TokenIdx c = v1;
        while (c > first && d.tokens.head[c - 1] == static_cast<int32_t>(v1) && d.token_text(c - 1) != ",") --c;
        if (c < first + 2 || d.token_text(c - 1) != ",") break;
        const TokenIdx n = c - 2;
        const Deprel nr = doc::deprel_universal(d.tokens.deprel[n]);
        if ((d.tokens.upos[n] != UPos::kPropn && d.tokens.upos[n] != UPos::kNoun) ||
            (d.tokens.head[n] != static_cast<int32_t>(v1) && d.tokens.head[n] != root) ||
            (nr != Deprel::kVocative && nr != Deprel::kDislocated && nr != Deprel::kParataxis && nr != Deprel::kObj))
          break;
        attach(d, n, root, Deprel::kNsubj);
        attach(d, v1, root, Deprel::kParataxis);
        changed = true;
        break;
      }
      for (TokenIdx w = first + 2; w < static_cast<TokenIdx>(root); ++w) {
        const TokenIdx n = w - 2;
        const int32_t v1 = d.tokens.head[w];
        if (!relative_subject(d, w) || d.token_text(w - 1) != "," || v1 <= static_cast<int32_t>(w) || v1 >= root ||
            d.tokens.head[v1] != root)
          continue;
        const Deprel nr = doc::deprel_universal(d.tokens.deprel[n]);
        if ((d.tokens.upos[n] != UPos::kPropn && d.tokens.upos[n] != UPos::kNoun) ||
            (d.tokens.head[n] != root && d.tokens.head[n] != v1) ||
            (nr != Deprel::kVocative && nr != Deprel::kDislocated && nr != Deprel::kParataxis))
          break;
        attach(d, n, root, subject_relation(d, root, static_cast<TokenIdx>(v1) + 1));
        attach(d, static_cast<TokenIdx>(v1), static_cast<int32_t>(n), Deprel::kAclRelcl);
        changed = true;
        break;
      }
      // "Earlier Friday, U.S. Central Command, which oversees …, announced": the subject read as an apposition of
      // the fronted day is the main verb's.
      if (!changed)
        for (TokenIdx n = first + 1; n < static_cast<TokenIdx>(root); ++n) {
          const int32_t day = d.tokens.head[n];
          if (doc::deprel_universal(d.tokens.deprel[n]) != Deprel::kAppos || day < static_cast<int32_t>(first) ||
              day >= static_cast<int32_t>(n) ||
              (d.tokens.upos[n] != UPos::kPropn && d.tokens.upos[n] != UPos::kNoun) ||
              !is_under(d, static_cast<int32_t>(n), root))
            continue;
          const std::string w = text::lower(d.token_text(static_cast<TokenIdx>(day)));
          if (!is_weekday(w) && !is_month(w) && !one_of(w, {"today", "yesterday"})) continue;
          attach(d, n, root, Deprel::kNsubj);
          changed = true;
          break;
        }
      return changed;
    }
    if (!nominal_root(d, static_cast<TokenIdx>(root), first, last)) return false;
    for (TokenIdx w = static_cast<TokenIdx>(root) + 2; w < last; ++w) {
      if (!relative_subject(d, w) || d.token_text(w - 1) != ",") continue;
      const int32_t v1 = d.tokens.head[w];
      if (v1 <= static_cast<int32_t>(w) || d.tokens.deprel[v1] != Deprel::kAclRelcl || d.tokens.head[v1] != root)
        continue;
      int32_t main = -1;
      TokenIdx comma = 0;
      for (TokenIdx v2 = static_cast<TokenIdx>(v1) + 1; v2 < last && main < 0; ++v2) {
        if (d.tokens.deprel[v2] != Deprel::kConj || d.tokens.upos[v2] != UPos::kVerb ||
            !is_under(d, d.tokens.head[v2], v1))
          continue;
        if (has_dependent(d, v2, {Deprel::kCc, Deprel::kNsubj})) break;
        TokenIdx c = v2;
        while (c > static_cast<TokenIdx>(v1) + 1 && (d.tokens.upos[c - 1] == UPos::kAux ||
                                                     d.tokens.upos[c - 1] == UPos::kAdv ||
                                                     d.tokens.upos[c - 1] == UPos::kPart))
          --c;
        if (d.token_text(c - 1) != ",") break;
        main = static_cast<int32_t>(v2);
        comma = c - 1;
      }
      if (main < 0) break;
      const Deprel subject = subject_relation(d, main, comma + 1);
      attach(d, static_cast<TokenIdx>(main), -1, Deprel::kRoot);
      attach(d, static_cast<TokenIdx>(root), main, subject);
      attach(d, comma, v1, Deprel::kPunct);
      // What follows the clause and hung on the noun (the full stop) belongs to the main verb.
      for (TokenIdx t = comma + 1; t < last; ++t)
        if (d.tokens.head[t] == root) d.tokens.head[t] = main;
      changed = true;
      break;
    }
    return changed;
  });
}

// "Egypt, Qatar and the United States called for …": a list of names whose second item the parser read as an
// apposition of the first, and the last as the second's conjunct. Names in a row joined by "and"/"or" are a list:
// every item is a conjunct of the first. (A person's apposition, "its leader, Ismail Haniyeh", is a noun then a
// name, and stays.)
size_t repair_list_appositions(doc::Document& d) {
  size_t repaired = 0;
  for (TokenIdx b = 0; b < d.tokens.size(); ++b) {
    if (d.tokens.deprel[b] != Deprel::kAppos || d.tokens.upos[b] != UPos::kPropn) continue;
    const int32_t a = d.tokens.head[b];
    if (a < 0 || a >= static_cast<int32_t>(b) || d.tokens.upos[a] != UPos::kPropn) continue;
    // B's conjuncts with their own "and"/"or" after B.
    std::vector<TokenIdx> items;
    const size_t s = d.sentence_of(b);
    for (TokenIdx c = b + 1; c < d.sentences.last[s]; ++c) {
      if (d.tokens.head[c] != static_cast<int32_t>(b) || d.tokens.deprel[c] != Deprel::kConj) continue;
      bool joined = false;
      for (TokenIdx g = b + 1; g < c; ++g)
        if (d.tokens.head[g] == static_cast<int32_t>(c) && d.tokens.deprel[g] == Deprel::kCc &&
            one_of(text::lower(d.token_text(g)), {"and", "or"}))
          joined = true;
      if (joined) items.push_back(c);
    }
    if (items.empty()) continue;
    attach(d, b, a, Deprel::kConj);
    for (TokenIdx c : items) attach(d, c, a, Deprel::kConj);
    ++repaired;
  }
  return repaired;
}

// "Insurgents raided a village in Borno state, burning homes and abducting women": a gerund clause set off by a
// comma after the object is what the subject did while acting, not a description of the object (the parser hangs
// it on the nearest noun). It becomes an adverbial clause of the verb, whose subject it then shares.
size_t repair_trailing_gerunds(doc::Document& d) {
  size_t repaired = 0;
  for (TokenIdx g = 1; g < d.tokens.size(); ++g) {
    if (d.tokens.deprel[g] != Deprel::kAcl || d.xpos(g) != "VBG" || d.token_text(g - 1) != ",") continue;
    if (has_dependent(d, g, {Deprel::kNsubj, Deprel::kMark, Deprel::kAux})) continue;
    // The noun it hangs on, up through nominal modifiers to the verb's object or oblique.
    int32_t n = d.tokens.head[g];
    for (int guard = 0; n >= 0 && guard < 4 && doc::deprel_universal(d.tokens.deprel[n]) == Deprel::kNmod; ++guard)
      n = d.tokens.head[n];
    if (n < 0) continue;
    const Deprel nr = doc::deprel_universal(d.tokens.deprel[n]);
    const int32_t v = d.tokens.head[n];
    if ((nr != Deprel::kObj && nr != Deprel::kObl) || v < 0 || d.tokens.upos[v] != UPos::kVerb ||
        !has_dependent(d, static_cast<TokenIdx>(v), {Deprel::kNsubj}))
      continue;
    attach(d, g, v, Deprel::kAdvcl);
    attach(d, g - 1, static_cast<int32_t>(g), Deprel::kPunct);
    ++repaired;
  }
  return repaired;
}

// "Nigerian troops rescued 20 kidnapped schoolchildren": a participle between a number or determiner and its noun
// is the noun's adjective; the parser made the number the object and the participle a clause with the noun as
// its object.
size_t repair_participle_adjectives(doc::Document& d) {
  size_t repaired = 0;
  for (TokenIdx p = 1; p + 1 < d.tokens.size(); ++p) {
    const TokenIdx q = p - 1, noun = p + 1;
    if (d.tokens.upos[p] != UPos::kVerb || (d.xpos(p) != "VBN" && d.xpos(p) != "VBD") ||
        d.tokens.upos[noun] != UPos::kNoun)
      continue;
    if (d.tokens.upos[q] != UPos::kNum && d.tokens.upos[q] != UPos::kDet) continue;
    if (d.tokens.head[noun] != static_cast<int32_t>(p) || doc::deprel_universal(d.tokens.deprel[noun]) != Deprel::kObj)
      continue;
    const int32_t v = d.tokens.head[q];
    if (v < 0 || d.tokens.head[p] != v || doc::deprel_universal(d.tokens.deprel[q]) != Deprel::kObj) continue;
    if (has_dependent(d, p, {Deprel::kNsubj, Deprel::kAux, Deprel::kMark})) continue;
    attach(d, noun, v, d.tokens.deprel[q]);
    attach(d, p, static_cast<int32_t>(noun), Deprel::kAmod);
    attach(d, q, static_cast<int32_t>(noun), d.tokens.upos[q] == UPos::kNum ? Deprel::kNummod : Deprel::kDet);
    ++repaired;
  }
  return repaired;
}

// "Ramaphosa stated on Friday that the rebels had shelled two towns": a "that" clause with its own subject after a
// time phrase of a reporting verb is the verb's report, not a relative clause of the day.
size_t repair_reported_that_clauses(doc::Document& d) {
  size_t repaired = 0;
  for (TokenIdx v = 0; v < d.tokens.size(); ++v) {
    if (d.tokens.deprel[v] != Deprel::kAclRelcl) continue;
    const int32_t n = d.tokens.head[v];
    if (n < 0) continue;
    const std::string day = text::lower(d.token_text(static_cast<TokenIdx>(n)));
    if (!is_weekday(day) && !is_month(day) &&
        !one_of(day, {"today", "yesterday", "morning", "afternoon", "evening", "night", "week", "month", "year",
                      "weekend"}))
      continue;
    const int32_t g = d.tokens.head[n];
    if (g < 0 || doc::deprel_universal(d.tokens.deprel[n]) != Deprel::kObl ||
        !(is_reporting_lemma(text::lower(d.lemma(static_cast<TokenIdx>(g)))) ||
          one_of(text::lower(d.lemma(static_cast<TokenIdx>(g))), {"announce", "declare", "warn"})))
      continue;
    bool that = false, subject = false;
    const size_t s = d.sentence_of(v);
    for (TokenIdx c = d.sentences.first[s]; c < d.sentences.last[s]; ++c) {
      if (d.tokens.head[c] != static_cast<int32_t>(v)) continue;
      if (d.tokens.deprel[c] == Deprel::kMark && text::lower(d.token_text(c)) == "that") that = true;
      if (doc::deprel_universal(d.tokens.deprel[c]) == Deprel::kNsubj) subject = true;
    }
    if (!that || !subject) continue;
    attach(d, v, g, Deprel::kCcomp);
    ++repaired;
  }
  return repaired;
}

}  // namespace

size_t repair_participle_clauses(doc::Document& d) {
  if (!d.has(doc::kLayerParse) || !d.has(doc::kLayerTags)) return 0;
  size_t repaired = 0;
  // "Washington ordered the assault after accusing Syria …": a gerund clause opened by a temporal or manner
  // conjunction modifies the verb, not the verb's object (97% advcl in EWT gold; the parser hangs it on the noun).
  for (TokenIdx g = 0; g < d.tokens.size(); ++g) {
    if (d.xpos(g) != "VBG" || doc::deprel_universal(d.tokens.deprel[g]) != Deprel::kAcl) continue;
    int32_t n = d.tokens.head[g];
    if (n < 0 || n > static_cast<int32_t>(g)) continue;
    Deprel nr = doc::deprel_universal(d.tokens.deprel[n]);
    int32_t v = d.tokens.head[n];
    if (v < 0 || d.tokens.upos[v] != UPos::kVerb || (nr != Deprel::kObj && nr != Deprel::kObl)) continue;
    bool temporal = false;
    for (TokenIdx m = static_cast<TokenIdx>(n) + 1; m < g; ++m)
      if (d.tokens.head[m] == static_cast<int32_t>(g) && d.tokens.deprel[m] == Deprel::kMark &&
          one_of(text::lower(d.token_text(m)), {"after", "before", "while", "since", "when", "without", "upon", "by"}))
        temporal = true;
    if (!temporal) continue;
    d.tokens.head[g] = v;
    d.tokens.deprel[g] = Deprel::kAdvcl;
    ++repaired;
  }
  // "the leaders of armed factions who keep urging the allies …": a clause whose subject is "who" or
  // "which" right after a noun is that noun's relative clause, whatever the parser attached it to.
  for (TokenIdx w = 1; w < d.tokens.size(); ++w) {
    if (!relative_subject(d, w)) continue;
    int32_t v = d.tokens.head[w];
    if (v < 0 || static_cast<TokenIdx>(v) < w) continue;
    TokenIdx n = w - 1;
    if (d.token_text(n) == "," && n > 0) --n;
    if (d.tokens.upos[n] != UPos::kNoun && d.tokens.upos[n] != UPos::kPropn) continue;
    // Already a relative clause of a noun: the parser's choice stands (it may have seen the right antecedent).
    if (d.tokens.deprel[v] == Deprel::kAclRelcl && d.tokens.head[v] >= 0 &&
        (d.tokens.upos[d.tokens.head[v]] == UPos::kNoun || d.tokens.upos[d.tokens.head[v]] == UPos::kPropn ||
         d.tokens.upos[d.tokens.head[v]] == UPos::kPron))
      continue;
    if (d.tokens.head[n] == v) continue;  // the noun is in the clause itself
    // "… on a consulate in Damascus, Syria, which killed …": after a comma, a name in apposition (a place's
    // country) is rarely what the clause describes; leave the parser's choice.
    if (n + 1 < w && doc::deprel_universal(d.tokens.deprel[n]) == Deprel::kAppos) continue;
    // Same sentence: the noun must not lie under the clause (no cycle).
    if (is_under(d, static_cast<int32_t>(n), v)) continue;
    d.tokens.head[v] = static_cast<int32_t>(n);
    d.tokens.deprel[v] = Deprel::kAclRelcl;
    ++repaired;
  }
  // "The Treasury said it had targeted 16 people": a passive subject needs a passive auxiliary (be/get); with
  // "have" and none, the verb is active (EWT gold: 0 of 1,337 passive subjects), so the subject acts.
  for (TokenIdx t = 0; t < d.tokens.size(); ++t) {
    if (d.tokens.deprel[t] != Deprel::kNsubjPass) continue;
    int32_t v = d.tokens.head[t];
    if (v < 0) continue;
    bool aux_pass = false, have = false;
    const TokenIdx lo = static_cast<TokenIdx>(v) > 12 ? static_cast<TokenIdx>(v) - 12 : 0;
    for (TokenIdx c = lo; c < static_cast<TokenIdx>(v); ++c) {
      if (d.tokens.head[c] != v) continue;
      if (d.tokens.deprel[c] == Deprel::kAuxPass) aux_pass = true;
      if (d.tokens.deprel[c] == Deprel::kAux && text::lower(d.lemma(c)) == "have") have = true;
    }
    if (aux_pass || !have) continue;
    d.tokens.deprel[t] = Deprel::kNsubj;
    ++repaired;
  }
  // "Russian drones struck the port …, killing two workers, the governor said": the parser makes the report's
  // subject a second subject of "said" with the report's verb as its relative clause. A reporting verb with two
  // subjects, the first with a finite or participle acl verb: that verb is the report (ccomp of "said") and the
  // first noun its subject; gerunds the parser hung on "said" before the second subject join the report.
  for (TokenIdx v = 0; v < d.tokens.size(); ++v) {
    if (d.tokens.upos[v] != UPos::kVerb) continue;
    if (!is_reporting_lemma(text::lower(d.lemma(v)))) continue;
    const TokenIdx lo = v > 80 ? v - 80 : 0;
    std::vector<TokenIdx> subjects;
    for (TokenIdx t = lo; t < v; ++t)
      if (d.tokens.head[t] == static_cast<int32_t>(v) && doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kNsubj)
        subjects.push_back(t);
    if (subjects.size() != 2) continue;
    const TokenIdx n1 = subjects[0], n2 = subjects[1];
    if (d.tokens.upos[n1] != UPos::kNoun && d.tokens.upos[n1] != UPos::kPropn) continue;
    TokenIdx report = v;
    for (TokenIdx t = n1 + 1; t < n2 && report == v; ++t)
      if (d.tokens.head[t] == static_cast<int32_t>(n1) && d.tokens.deprel[t] == Deprel::kAcl &&
          d.tokens.upos[t] == UPos::kVerb && (d.xpos(t) == "VBD" || d.xpos(t) == "VBN"))
        report = t;
    if (report == v) continue;
    bool own_subject = false;
    for (TokenIdx t = n1; t < n2; ++t)
      if (d.tokens.head[t] == static_cast<int32_t>(report) &&
          (doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kNsubj || d.tokens.deprel[t] == Deprel::kAuxPass))
        own_subject = true;
    if (own_subject) continue;
    d.tokens.head[report] = static_cast<int32_t>(v);
    d.tokens.deprel[report] = Deprel::kCcomp;
    d.tokens.head[n1] = static_cast<int32_t>(report);
    d.tokens.deprel[n1] = Deprel::kNsubj;
    for (TokenIdx t = report + 1; t < n2; ++t)
      if (d.tokens.head[t] == static_cast<int32_t>(v) && d.xpos(t) == "VBG") {
        d.tokens.head[t] = static_cast<int32_t>(report);
        d.tokens.deprel[t] = Deprel::kAdvcl;
      }
    if (d.xpos(report) == "VBN") {
      d.tokens.xpos[report] = d.strings.intern("VBD");
      d.tokens.feats[report] = d.strings.intern(finite_past(d.feats(report)));
    }
    ++repaired;
  }
  // "… 77 injured, according to the Health Ministry": a source phrase is no passive agent (the parser reads the
  // passive verb's obl with "according to" as its agent).
  for (TokenIdx t = 0; t < d.tokens.size(); ++t) {
    if (d.tokens.deprel[t] != Deprel::kOblAgent) continue;
    bool source = false;
    for (TokenIdx c = t > 8 ? t - 8 : 0; c < t; ++c)
      if (d.tokens.head[c] == static_cast<int32_t>(t) && text::lower(d.lemma(c)) == "accord") source = true;
    if (!source) continue;
    d.tokens.deprel[t] = Deprel::kObl;
    ++repaired;
  }
  // "…, three sources close to the group said", "people familiar with the matter said": the parser makes the
  // adjective a clause of its own ("sources [are] close") complementing the subjectless reporting verb. The noun
  // is the verb's subject, the adjective its modifier.
  for (TokenIdx a = 0; a < d.tokens.size(); ++a) {
    if (d.tokens.upos[a] != UPos::kAdj || d.tokens.deprel[a] != Deprel::kCcomp) continue;
    std::string lower = text::lower(d.token_text(a));
    if (lower != "close" && lower != "familiar" && lower != "knowledgeable" && lower != "privy") continue;
    int32_t v = d.tokens.head[a];
    if (v < 0 || static_cast<TokenIdx>(v) < a || d.tokens.upos[v] != UPos::kVerb) continue;
    int32_t subject = -1;
    bool verb_has_subject = false;
    const TokenIdx lo = a > 40 ? a - 40 : 0, hi = std::min<TokenIdx>(static_cast<TokenIdx>(v) + 40, d.tokens.size());
    for (TokenIdx t = lo; t < hi; ++t) {
      if (d.tokens.head[t] == static_cast<int32_t>(a) && doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kNsubj)
        subject = static_cast<int32_t>(t);
      if (d.tokens.head[t] == v && doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kNsubj) verb_has_subject = true;
    }
    if (subject < 0 || verb_has_subject || static_cast<TokenIdx>(subject) > a) continue;
    for (TokenIdx t = lo; t < hi; ++t)  // the adjective's other dependents stay with it; its subject's go up
      if (d.tokens.head[t] == static_cast<int32_t>(a) && d.tokens.deprel[t] == Deprel::kPunct &&
          t < static_cast<TokenIdx>(subject))
        d.tokens.head[t] = v;
    d.tokens.head[subject] = v;
    d.tokens.deprel[subject] = Deprel::kNsubj;
    d.tokens.head[a] = subject;
    d.tokens.deprel[a] = Deprel::kAmod;
    ++repaired;
  }
  // "…, and were sent north at once, two people close to the militia said": EWT makes a sentence-final
  // reporting clause the root and what it reports its ccomp; in long sentences the parser instead hangs "said"
  // inside the report (a relative clause of some noun) and the report's last conjunct on "said". Undo: the
  // reporting verb becomes the root, the old root its ccomp, and a ccomp of it opened by "and" a conjunct of
  // the old root.
  for (size_t sent = 0; sent < d.sentences.size(); ++sent) {
    const TokenIdx first = d.sentences.first[sent], last = d.sentences.last[sent];
    const int32_t root = sentence_root(d, first, last);
    if (root < 0) continue;
    for (TokenIdx v = first + 1; v < last; ++v) {
      if (static_cast<int32_t>(v) == root || d.tokens.upos[v] != UPos::kVerb) continue;
      if (!is_reporting_lemma(text::lower(d.lemma(v)))) continue;
      Deprel vr = doc::deprel_universal(d.tokens.deprel[v]);
      if (vr != Deprel::kAcl && vr != Deprel::kAdvcl && vr != Deprel::kConj && vr != Deprel::kCcomp) continue;
      // Only punctuation may follow the verb, and its subject must sit between it and a comma.
      bool final = true;
      for (TokenIdx t = v + 1; t < last; ++t)
        if (d.tokens.upos[t] != UPos::kPunct) final = false;
      int32_t subj = -1;
      for (TokenIdx t = first; t < v; ++t)
        if (d.tokens.head[t] == static_cast<int32_t>(v) && doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kNsubj)
          subj = static_cast<int32_t>(t);
      if (!final || subj < 0) continue;
      TokenIdx comma = static_cast<TokenIdx>(subj);
      while (comma > first && d.token_text(comma) != ",") --comma;
      if (comma == first || comma + 6 < static_cast<TokenIdx>(subj)) continue;
      // The verb must lie inside the report (under the old root).
      if (!is_under(d, static_cast<int32_t>(v), root)) continue;
      d.tokens.head[v] = doc::kRootHead;
      d.tokens.deprel[v] = Deprel::kRoot;
      d.tokens.head[root] = static_cast<int32_t>(v);
      d.tokens.deprel[root] = Deprel::kCcomp;
      for (TokenIdx c = first; c < v; ++c) {
        if (d.tokens.head[c] != static_cast<int32_t>(v) || c == static_cast<TokenIdx>(root) ||
            doc::deprel_universal(d.tokens.deprel[c]) != Deprel::kCcomp)
          continue;
        bool opened_by_and = false;
        for (TokenIdx g = first; g < c; ++g)
          if (d.tokens.head[g] == static_cast<int32_t>(c) && d.tokens.deprel[g] == Deprel::kCc) opened_by_and = true;
        if (opened_by_and && static_cast<int32_t>(c) > root) {
          d.tokens.head[c] = root;
          d.tokens.deprel[c] = Deprel::kConj;
        }
      }
      ++repaired;
      break;
    }
  }
  // "Danish authorities arrested 20 people late on Tuesday": a bare noun phrase right after a verb that has no
  // object is its object unless it measures time or distance ("waited hours", "walked 20 miles"). The parser,
  // misled by a following adverb, reads it as an unmarked oblique; in EWT gold 9 of ~430 such nouns are anything
  // but time or measure words, so the object reading is the safe one.
  for (TokenIdx t = 1; t < d.tokens.size(); ++t) {
    Deprel r = d.tokens.deprel[t];
    if (r != Deprel::kOblUnmarked && r != Deprel::kOblNpmod) continue;
    int32_t v = d.tokens.head[t];
    // "arrested 20 people late": the parser hangs the noun on the adverb after it, as in "20 minutes late".
    if (v > static_cast<int32_t>(t) && d.tokens.upos[v] == UPos::kAdv && d.tokens.deprel[v] == Deprel::kAdvmod)
      v = d.tokens.head[v];
    if (v < 0 || static_cast<TokenIdx>(v) >= t || d.tokens.upos[v] != UPos::kVerb) continue;
    if (d.tokens.upos[t] != UPos::kNoun && d.tokens.upos[t] != UPos::kPropn) continue;
    const std::string lemma = text::lower(d.lemma(t));
    if (is_weekday(lemma) ||
        one_of(lemma, {"day", "week", "month", "year", "hour", "minute", "second", "time", "night", "morning",
                       "afternoon", "evening", "weekend", "decade", "century", "season", "moment", "while", "period",
                       "today", "tonight", "yesterday", "tomorrow", "spring", "summer", "fall", "autumn", "winter",
                       "mile", "kilometre", "kilometer", "km", "metre", "meter", "yard", "foot", "feet", "inch",
                       "degree", "percent", "point", "way", "lot", "bit", "home", "dollar", "cent", "pound", "ton",
                       "everyday", "head", "hand", "hell", "min", "mins", "times"}))
      continue;
    bool adjacent = true, has_object = false;
    for (TokenIdx m = static_cast<TokenIdx>(v) + 1; m < t && adjacent; ++m) adjacent = is_under(d, int32_t(m), int32_t(t));
    const TokenIdx end = d.sentences.last[d.sentence_of(t)];
    for (TokenIdx c = d.sentences.first[d.sentence_of(t)]; c < end; ++c)
      if (d.tokens.head[c] == v &&
          (d.tokens.deprel[c] == Deprel::kObj || d.tokens.deprel[c] == Deprel::kNsubjPass ||
           d.tokens.deprel[c] == Deprel::kAuxPass || d.tokens.deprel[c] == Deprel::kCcomp ||
           d.tokens.deprel[c] == Deprel::kXcomp))
        has_object = true;
    if (!adjacent || has_object) continue;
    d.tokens.head[t] = v;
    d.tokens.deprel[t] = Deprel::kObj;
    ++repaired;
  }
  // "Speaking to Beirut-based al-Masirah TV": the segmenter splits "Beirut-based" and the parser may read "based"
  // as a preposition, leaving "Beirut" an oblique of the verb (a party spoken to). A name + hyphen + participle
  // that modifies a later noun is that noun's modifier, the name inside it (as EWT annotates "Texas-based firm").
  for (TokenIdx t = 0; t + 3 < d.tokens.size(); ++t) {
    const TokenIdx dash = t + 1, part = t + 2;
    if (d.token_text(dash) != "-" || d.tokens.end[t] != d.tokens.begin[dash] ||
        d.tokens.end[dash] != d.tokens.begin[part])
      continue;
    if (!one_of(text::lower(d.token_text(part)), {"based", "backed", "led", "run", "born", "allied", "funded", "owned",
                                                  "controlled", "affiliated", "aligned", "linked", "supported",
                                                  "sponsored", "made", "held", "occupied", "administered"}))
      continue;
    const int32_t noun = d.tokens.head[part];
    if (noun <= static_cast<int32_t>(part) || (d.tokens.upos[noun] != UPos::kNoun && d.tokens.upos[noun] != UPos::kPropn))
      continue;
    // Already inside the noun phrase ("Iran-backed militias" with Iran a compound of militias): the mentions
    // read that shape; only a name the parser put outside the phrase moves.
    if (is_under(d, int32_t(t), noun)) continue;
    if (is_under(d, noun, int32_t(t))) continue;  // no cycle
    // The name's preposition ("to Beirut-based …") belongs to the whole phrase.
    for (TokenIdx c = t; c-- > 0 && d.tokens.upos[c] == UPos::kAdp;)
      if (d.tokens.head[c] == static_cast<int32_t>(t)) d.tokens.head[c] = noun;
    d.tokens.head[part] = noun;
    d.tokens.deprel[part] = Deprel::kAmod;
    d.tokens.head[t] = static_cast<int32_t>(part);
    d.tokens.deprel[t] = Deprel::kOblNpmod;
    d.tokens.head[dash] = static_cast<int32_t>(part);
    d.tokens.deprel[dash] = Deprel::kPunct;
    ++repaired;
  }
  // "Kuleba added that \"this is a war of aggression\"": a subordinator is never an object (EWT gold: 0), yet after a
  // reporting verb the parser sometimes makes "that" the object and hangs the reported clause on it. The clause
  // is the verb's complement and "that" its marker.
  for (TokenIdx t = 0; t + 1 < d.tokens.size(); ++t) {
    if (d.tokens.upos[t] != UPos::kSconj || text::lower(d.token_text(t)) != "that") continue;
    const Deprel r = doc::deprel_universal(d.tokens.deprel[t]);
    if (r != Deprel::kObj && r != Deprel::kNsubj && r != Deprel::kObl) continue;
    const int32_t v = d.tokens.head[t];
    if (v < 0 || static_cast<TokenIdx>(v) >= t || d.tokens.upos[v] != UPos::kVerb) continue;
    int32_t clause = -1;
    const TokenIdx end = d.sentences.last[d.sentence_of(t)];
    for (TokenIdx c = t + 1; c < end && clause < 0; ++c)
      if (d.tokens.head[c] == static_cast<int32_t>(t) && d.tokens.upos[c] != UPos::kPunct) clause = static_cast<int32_t>(c);
    if (clause < 0) continue;
    d.tokens.head[clause] = v;
    d.tokens.deprel[clause] = Deprel::kCcomp;
    for (TokenIdx c = t + 1; c < end; ++c)  // the rest of what hung on "that" (quotes, commas) joins the clause
      if (d.tokens.head[c] == static_cast<int32_t>(t)) d.tokens.head[c] = clause;
    d.tokens.head[t] = clause;
    d.tokens.deprel[t] = Deprel::kMark;
    ++repaired;
  }
  // "Israel and its allies struck Hezbollah positions": a noun root with a subject but no copula is no clause UD
  // allows; the finite verb the parser made its modifier (between subject and noun) is the root, the noun its
  // object.
  for (size_t sent = 0; sent < d.sentences.size(); ++sent) {
    const TokenIdx first = d.sentences.first[sent], last = d.sentences.last[sent];
    const int32_t root = sentence_root(d, first, last);
    int32_t subj = -1;
    bool cop = false;
    if (root < 0 || (d.tokens.upos[root] != UPos::kNoun && d.tokens.upos[root] != UPos::kPropn)) continue;
    for (TokenIdx t = first; t < last; ++t) {
      if (d.tokens.head[t] != root) continue;
      if (d.tokens.deprel[t] == Deprel::kCop) cop = true;
      if (d.tokens.deprel[t] == Deprel::kNsubj && subj < 0) subj = static_cast<int32_t>(t);
    }
    if (cop || subj < 0 || subj > root) continue;
    int32_t verb = -1;
    // The last such verb: "Airstrike by U.S.-backed coalition kills dozens" (a hyphenated "-backed" is a modifier).
    for (TokenIdx t = static_cast<TokenIdx>(subj) + 1; t < static_cast<TokenIdx>(root); ++t)
      if (d.tokens.head[t] == root && d.tokens.upos[t] == UPos::kVerb && d.token_text(t - 1) != "-" &&
          one_of(d.xpos(t), {"VBD", "VBZ", "VBP", "VBN"}) &&
          (d.tokens.deprel[t] == Deprel::kAmod || d.tokens.deprel[t] == Deprel::kAcl ||
           d.tokens.deprel[t] == Deprel::kCompound))
        verb = static_cast<int32_t>(t);
    if (verb < 0) continue;
    d.tokens.head[verb] = -1;
    d.tokens.deprel[verb] = Deprel::kRoot;
    d.tokens.head[root] = verb;
    d.tokens.deprel[root] = Deprel::kObj;
    d.tokens.head[subj] = verb;
    for (TokenIdx t = first; t < last; ++t)  // the sentence's punctuation and clauses before the verb follow it
      if (d.tokens.head[t] == root && (d.tokens.deprel[t] == Deprel::kPunct || static_cast<int32_t>(t) < verb))
        d.tokens.head[t] = verb;
    ++repaired;
  }
  // "Students, many carrying banners, streamed into the ministry": a noun root whose parenthetical (a comma
  // phrase with a participle) swallowed the clause's finite verb. The first finite verb after a comma, with no
  // subject of its own, not a relative clause, is the root and the noun its subject.
  for (size_t sent = 0; sent < d.sentences.size(); ++sent) {
    const TokenIdx first = d.sentences.first[sent], last = d.sentences.last[sent];
    const int32_t root = sentence_root(d, first, last);
    if (root < 0 || (d.tokens.upos[root] != UPos::kNoun && d.tokens.upos[root] != UPos::kPropn &&
                     d.tokens.upos[root] != UPos::kPron))
      continue;
    // A copula or a subject makes the noun root a clause of its own.
    if (has_dependent(d, static_cast<TokenIdx>(root), {Deprel::kCop, Deprel::kNsubj}) ||
        root + 1 >= static_cast<int32_t>(last) || d.token_text(root + 1) != ",")
      continue;
    int32_t verb = -1;
    for (TokenIdx t = static_cast<TokenIdx>(root) + 2; t < last && verb < 0; ++t) {
      if (d.tokens.upos[t] != UPos::kVerb || !one_of(d.xpos(t), {"VBD", "VBZ", "VBP", "VBN"}) ||
          d.token_text(t - 1) != ",")
        continue;
      const Deprel r = doc::deprel_universal(d.tokens.deprel[t]);
      if (r != Deprel::kAdvcl && r != Deprel::kConj && r != Deprel::kParataxis && r != Deprel::kDep) continue;
      if (!has_dependent(d, t, {Deprel::kNsubj, Deprel::kMark, Deprel::kCc, Deprel::kAux})) verb = static_cast<int32_t>(t);
    }
    if (verb < 0) continue;
    d.tokens.head[verb] = -1;
    d.tokens.deprel[verb] = Deprel::kRoot;
    d.tokens.head[root] = verb;
    d.tokens.deprel[root] = Deprel::kNsubj;
    if (d.xpos(verb) == "VBN") {  // a participle without an auxiliary heading the clause is its finite past
      d.tokens.xpos[verb] = d.strings.intern("VBD");
      d.tokens.feats[verb] = d.strings.intern(finite_past(d.feats(verb)));
    }
    for (TokenIdx t = first; t < last; ++t)  // what followed the verb, and the final punctuation, follow it
      if (d.tokens.head[t] == root && static_cast<int32_t>(t) > verb) d.tokens.head[t] = verb;
    ++repaired;
  }
  // "its fighters were not even on standby …, and had to be called in immediately, three sources said": two reported
  // clauses of one verb, the second opened by "and" with no subject of its own, are one report of coordinated
  // clauses (the second shares the first's subject), as in the EWT convention for "X, officials said".
  for (TokenIdx v = 0; v < d.tokens.size(); ++v) {
    if (d.tokens.upos[v] != UPos::kVerb || !is_reporting_lemma(text::lower(d.lemma(v)))) continue;
    const TokenIdx first = d.sentences.first[d.sentence_of(v)], end = d.sentences.last[d.sentence_of(v)];
    int32_t earlier = -1;
    for (TokenIdx c = first; c < end; ++c) {
      if (d.tokens.head[c] != static_cast<int32_t>(v) || d.tokens.deprel[c] != Deprel::kCcomp) continue;
      if (earlier < 0) {  // the first report (c runs left to right)
        earlier = static_cast<int32_t>(c);
        continue;
      }
      bool opened_by_and = false, has_subject = false;
      for (TokenIdx g = first; g < end; ++g) {
        if (d.tokens.head[g] != static_cast<int32_t>(c)) continue;
        if (d.tokens.deprel[g] == Deprel::kCc && g < c) opened_by_and = true;
        if (d.tokens.deprel[g] == Deprel::kNsubj || d.tokens.deprel[g] == Deprel::kNsubjPass) has_subject = true;
      }
      if (!opened_by_and || has_subject) continue;
      d.tokens.head[c] = earlier;
      d.tokens.deprel[c] = Deprel::kConj;
      ++repaired;
    }
  }
  // "Demonstrators flooded in after riot police suddenly retreated": the parser reads "after riot police" as a
  // prepositional phrase and leaves the clause's verb without a subject. A subjectless adverbial clause verb right
  // after (adverbs aside) a noun opened by a subordinating preposition is that noun's clause: the noun is its
  // subject, the preposition its marker.
  for (TokenIdx v = 1; v < d.tokens.size(); ++v) {
    const Deprel vr = doc::deprel_universal(d.tokens.deprel[v]);
    if (d.tokens.upos[v] != UPos::kVerb || (vr != Deprel::kAdvcl && vr != Deprel::kConj)) continue;
    // A finite verb needs its subject; a bare participle with no auxiliary is a misread finite past.
    if (!one_of(d.xpos(v), {"VBD", "VBZ", "VBP", "VBN"})) continue;
    const TokenIdx first = d.sentences.first[d.sentence_of(v)];
    if (has_dependent(d, v, {Deprel::kNsubj, Deprel::kMark, Deprel::kAux, Deprel::kCc})) continue;
    TokenIdx n = v - 1;
    while (n > first && d.tokens.upos[n] == UPos::kAdv) --n;
    if (d.tokens.upos[n] != UPos::kNoun && d.tokens.upos[n] != UPos::kPropn && d.tokens.upos[n] != UPos::kPron) continue;
    const Deprel nr = doc::deprel_universal(d.tokens.deprel[n]);
    if (nr != Deprel::kObl && nr != Deprel::kNmod) continue;
    const int32_t marker = subordinating_case(d, first, n);
    if (marker < 0) continue;
    attach(d, n, static_cast<int32_t>(v), Deprel::kNsubj);
    attach(d, static_cast<TokenIdx>(marker), static_cast<int32_t>(v), Deprel::kMark);
    if (vr == Deprel::kConj) d.tokens.deprel[v] = Deprel::kAdvcl;
    if (d.xpos(v) == "VBN") {
      d.tokens.xpos[v] = d.strings.intern("VBD");
      d.tokens.feats[v] = d.strings.intern(finite_past(d.feats(v)));
    }
    ++repaired;
  }
  // "… after a march of thousands of people wound through the city": the same when the noun has an "of" phrase
  // and the parser hung the finite past on that phrase as a relative clause (a finite past is no reduced relative).
  for (TokenIdx v = 1; v < d.tokens.size(); ++v) {
    const Deprel vr = doc::deprel_universal(d.tokens.deprel[v]);
    if (d.tokens.upos[v] != UPos::kVerb || d.xpos(v) != "VBD" ||
        (vr != Deprel::kAcl && vr != Deprel::kConj && vr != Deprel::kAdvcl))
      continue;
    if (has_dependent(d, v, {Deprel::kNsubj, Deprel::kMark, Deprel::kAux, Deprel::kCc})) continue;
    // The "of" phrase's noun: the relative clause's head, or (a subjectless conjunct) the word just before.
    const int32_t inner = vr == Deprel::kAcl ? d.tokens.head[v] : static_cast<int32_t>(v) - 1;
    if (inner < 0 || doc::deprel_universal(d.tokens.deprel[inner]) != Deprel::kNmod ||
        (d.tokens.upos[inner] != UPos::kNoun && d.tokens.upos[inner] != UPos::kPropn))
      continue;
    const int32_t n = d.tokens.head[inner];
    if (n < 0 || doc::deprel_universal(d.tokens.deprel[n]) != Deprel::kObl || d.tokens.head[n] < 0) continue;
    const TokenIdx first = d.sentences.first[d.sentence_of(v)];
    const int32_t marker = subordinating_case(d, first, static_cast<TokenIdx>(n));
    if (marker < 0) continue;
    attach(d, v, d.tokens.head[n], Deprel::kAdvcl);
    attach(d, static_cast<TokenIdx>(n), static_cast<int32_t>(v), Deprel::kNsubj);
    attach(d, static_cast<TokenIdx>(marker), static_cast<int32_t>(v), Deprel::kMark);
    ++repaired;
  }
  // "NEWSDESK-The UK, France and Japan have pledged …": a wire name in capitals glued by a dash to the sentence
  // becomes its subject, the real subject its apposition. The apposition takes the name's place.
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    const TokenIdx w = d.sentences.first[s];
    if (w + 2 >= d.sentences.last[s] || d.token_text(w + 1) != "-" || d.tokens.end[w] != d.tokens.begin[w + 1]) continue;
    const std::string_view name = d.token_text(w);
    if (name.size() < 3 || std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    int32_t appos = -1;
    for (TokenIdx c = w + 1; c < d.sentences.last[s] && appos < 0; ++c)
      if (d.tokens.head[c] == static_cast<int32_t>(w) && d.tokens.deprel[c] == Deprel::kAppos) appos = c;
    if (appos < 0) continue;
    d.tokens.head[appos] = d.tokens.head[w];
    d.tokens.deprel[appos] = d.tokens.deprel[w];
    for (TokenIdx c = w + 1; c < d.sentences.last[s]; ++c)
      if (d.tokens.head[c] == static_cast<int32_t>(w)) d.tokens.head[c] = appos;
    d.tokens.head[w] = appos;
    d.tokens.deprel[w] = Deprel::kDep;
    ++repaired;
  }
  // "police scattered students protesting tuition fees", "troops fired on civilians fleeing the town":
  // a gerund right after the verb's object, with no comma, subject or marker, describes the object (a reduced
  // relative); the parser's adverbial reading gives the act to the verb's subject.
  for (TokenIdx g = 2; g < d.tokens.size(); ++g) {
    if (d.xpos(g) != "VBG" || d.tokens.deprel[g] != Deprel::kAdvcl) continue;
    const TokenIdx n = g - 1;
    const int32_t v = d.tokens.head[g];
    if (v < 0 || d.tokens.head[n] != v || d.tokens.deprel[n] != Deprel::kObj) continue;
    if (d.tokens.upos[n] != UPos::kNoun && d.tokens.upos[n] != UPos::kPropn) continue;
    if (has_dependent(d, g, {Deprel::kNsubj, Deprel::kMark})) continue;
    d.tokens.head[g] = static_cast<int32_t>(n);
    d.tokens.deprel[g] = Deprel::kAcl;
    ++repaired;
  }
  // "Trump added he would invite the leader": a nominative pronoun is never an object; after a reporting verb it
  // is the subject of the reported clause the parser left without one.
  for (TokenIdx t = 1; t + 1 < d.tokens.size(); ++t) {
    if (d.tokens.deprel[t] != Deprel::kObj || !one_of(text::lower(d.token_text(t)), {"he", "she", "they", "we", "i"}))
      continue;
    const int32_t v = d.tokens.head[t];
    if (v < 0 || d.tokens.upos[v] != UPos::kVerb) continue;
    const size_t s = d.sentence_of(t);
    for (TokenIdx c = t + 1; c < d.sentences.last[s]; ++c) {
      if (d.tokens.head[c] != v || d.tokens.deprel[c] != Deprel::kCcomp) continue;
      if (has_dependent(d, c, {Deprel::kNsubj})) break;
      d.tokens.head[t] = static_cast<int32_t>(c);
      d.tokens.deprel[t] = Deprel::kNsubj;
      ++repaired;
      break;
    }
  }
  // "Some 5,000 Syrian Kurds sought shelter in Turkey": an approximator before a number read as the sentence's
  // root, the clause hanging on it as a relative clause. The clause's verb is the root; the word qualifies the
  // number.
  for (size_t sent = 0; sent < d.sentences.size(); ++sent) {
    const TokenIdx first = d.sentences.first[sent], last = d.sentences.last[sent];
    const int32_t root = sentence_root(d, first, last);
    if (root < 0 || root + 1 >= static_cast<int32_t>(last) || d.tokens.upos[root + 1] != UPos::kNum) continue;
    if (!one_of(text::lower(d.token_text(root)), {"some", "about", "around", "nearly", "almost", "roughly", "approximately"}))
      continue;
    int32_t verb = -1;
    for (TokenIdx t = static_cast<TokenIdx>(root) + 1; t < last && verb < 0; ++t)
      if (d.tokens.head[t] == root && d.tokens.upos[t] == UPos::kVerb &&
          doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kAcl)
        verb = static_cast<int32_t>(t);
    if (verb < 0) continue;
    d.tokens.head[verb] = -1;
    d.tokens.deprel[verb] = Deprel::kRoot;
    for (TokenIdx t = first; t < last; ++t)
      if (d.tokens.head[t] == root && static_cast<int32_t>(t) != verb) d.tokens.head[t] = verb;
    d.tokens.head[root] = root + 1;
    d.tokens.deprel[root] = Deprel::kAdvmod;
    ++repaired;
  }
  // "Norway today accepted the proposal": "today" read as the subject's head with the name as its compound. The
  // name is the subject, the day dates the clause.
  for (TokenIdx t = 1; t < d.tokens.size(); ++t) {
    if (doc::deprel_universal(d.tokens.deprel[t]) != Deprel::kNsubj) continue;
    if (!one_of(text::lower(d.token_text(t)), {"today", "yesterday", "tonight"})) continue;
    const TokenIdx c = t - 1;
    if (d.tokens.head[c] != static_cast<int32_t>(t) || d.tokens.deprel[c] != Deprel::kCompound ||
        (d.tokens.upos[c] != UPos::kPropn && d.tokens.upos[c] != UPos::kNoun))
      continue;
    const int32_t v = d.tokens.head[t];
    if (v < 0) continue;
    d.tokens.head[c] = v;
    d.tokens.deprel[c] = d.tokens.deprel[t];
    for (TokenIdx k = d.sentences.first[d.sentence_of(t)]; k < c; ++k)  // the name's own modifiers follow it
      if (d.tokens.head[k] == static_cast<int32_t>(t)) d.tokens.head[k] = static_cast<int32_t>(c);
    d.tokens.head[t] = v;
    d.tokens.deprel[t] = Deprel::kOblTmod;
    ++repaired;
  }
  // "Opposition leader Maria Santos Wednesday rejected …": a weekday right after a name is read as part of the
  // name (flat, compound); after a subject it dates the clause.
  for (TokenIdx t = 1; t < d.tokens.size(); ++t) {
    const Deprel r = d.tokens.deprel[t];
    if (r != Deprel::kFlat && r != Deprel::kCompound && r != Deprel::kAppos) continue;
    if (!is_weekday(text::lower(d.token_text(t)))) continue;
    int32_t name = d.tokens.head[t];
    if (name < 0 || name >= static_cast<int32_t>(t) || d.tokens.upos[name] != UPos::kPropn) continue;
    const Deprel nr = doc::deprel_universal(d.tokens.deprel[name]);
    if (nr != Deprel::kNsubj) continue;
    const int32_t v = d.tokens.head[name];
    if (v <= static_cast<int32_t>(t) || d.tokens.upos[v] != UPos::kVerb) continue;
    d.tokens.head[t] = v;
    d.tokens.deprel[t] = Deprel::kOblTmod;
    ++repaired;
  }
  // "froze credit to Belarus in line with allied efforts": the parser hangs the noun after "in line with", "in
  // accordance with", "in cooperation with" on the verb, where it reads as a party the verb acts with. The noun
  // opened by "with" right after such an "in"-phrase's noun belongs to that noun.
  for (TokenIdx t = 2; t < d.tokens.size(); ++t) {
    if (d.tokens.deprel[t] != Deprel::kCase || text::lower(d.token_text(t)) != "with") continue;
    const int32_t x = d.tokens.head[t], n = static_cast<int32_t>(t) - 1;
    if (x <= static_cast<int32_t>(t) || d.tokens.head[x] == n || d.tokens.upos[n] != UPos::kNoun) continue;
    const std::string noun = text::lower(d.lemma(static_cast<TokenIdx>(n)));
    if (!one_of(noun, {"line", "accordance", "keeping", "cooperation", "coordination", "conjunction", "connection",
                       "partnership", "solidarity", "compliance", "agreement", "consultation", "contrast", "comparison"}))
      continue;
    if (text::lower(d.token_text(static_cast<TokenIdx>(n) - 1)) != "in") continue;
    d.tokens.head[x] = n;
    d.tokens.deprel[x] = Deprel::kNmod;
    ++repaired;
  }
  // "Chad handed over the two fugitives to Niger": the parser reads the particle of a phrasal verb as a
  // preposition and the object as an oblique ("over the two suspects"). Right after one of these verbs, with no
  // object of its own, the particle is the verb's and the noun its object.
  for (TokenIdx t = 1; t + 1 < d.tokens.size(); ++t) {
    if (d.tokens.deprel[t] != Deprel::kCase) continue;
    const TokenIdx v = t - 1;
    const int32_t noun = d.tokens.head[t];
    if (noun <= static_cast<int32_t>(t) || d.tokens.head[noun] != static_cast<int32_t>(v)) continue;
    if (d.tokens.upos[v] != UPos::kVerb || d.tokens.deprel[noun] != Deprel::kObl) continue;
    const std::string verb = text::lower(d.lemma(v)), particle = text::lower(d.token_text(t));
    const bool phrasal =
        (particle == "over" && one_of(verb, {"hand", "turn", "take", "sign"})) ||
        (particle == "up" && one_of(verb, {"give", "round", "set", "step", "blow", "lock", "ramp", "beef", "shore"})) ||
        (particle == "off" && one_of(verb, {"call", "seal", "cut", "break", "fend", "ward", "fight"})) ||
        (particle == "out" && one_of(verb, {"carry", "wipe", "rule", "pull", "kick", "force", "drive", "root"})) ||
        (particle == "down" && one_of(verb, {"shut", "shoot", "crack", "tear", "hunt", "turn", "gun"})) ||
        (particle == "back" && one_of(verb, {"hand", "give", "roll", "push", "win", "take"}));
    if (!phrasal) continue;
    bool has_object = false;  // a passive subject counts (the specific relation, not its universal part)
    const TokenIdx end = d.sentences.last[d.sentence_of(t)];
    for (TokenIdx c = d.sentences.first[d.sentence_of(t)]; c < end; ++c)
      if (d.tokens.head[c] == static_cast<int32_t>(v) &&
          (d.tokens.deprel[c] == Deprel::kObj || d.tokens.deprel[c] == Deprel::kNsubjPass))
        has_object = true;
    if (has_object) continue;
    d.tokens.head[t] = static_cast<int32_t>(v);
    d.tokens.deprel[t] = Deprel::kCompoundPrt;
    d.tokens.deprel[noun] = Deprel::kObj;
    ++repaired;
  }
  // "Trump spoke Saturday with the crown prince": a weekday is never a verb's object or subject; it dates the
  // clause, and what the parser hung on it ("with the crown prince") belongs to the verb.
  for (TokenIdx t = 0; t < d.tokens.size(); ++t) {
    Deprel r = d.tokens.deprel[t];
    if (r != Deprel::kObj && r != Deprel::kIobj) continue;
    const int32_t v = d.tokens.head[t];
    if (v < 0 || d.tokens.upos[v] != UPos::kVerb) continue;
    if (!is_weekday(text::lower(d.token_text(t)))) continue;
    d.tokens.deprel[t] = Deprel::kOblTmod;
    for (TokenIdx c = t + 1, end = d.sentences.last[d.sentence_of(t)]; c < end; ++c)
      if (d.tokens.head[c] == static_cast<int32_t>(t) && d.tokens.deprel[c] == Deprel::kNmod) {
        d.tokens.head[c] = v;
        d.tokens.deprel[c] = Deprel::kObl;
      }
    ++repaired;
  }
  // "… hours after President Donald Trump recognized Guaido": the parser reads "hours after Trump" as one noun
  // phrase subject. A time noun with an "after/before" phrase as a verb's subject: the phrase's noun is the subject,
  // its preposition the clause's marker, and the time noun measures the interval.
  for (TokenIdx t = 0; t < d.tokens.size(); ++t) {
    if (d.tokens.deprel[t] != Deprel::kNsubj || d.tokens.upos[t] != UPos::kNoun) continue;
    if (!one_of(text::lower(d.lemma(t)), {"hour", "day", "week", "minute", "moment", "month", "year", "second"})) continue;
    const int32_t v = d.tokens.head[t];
    if (v < 0 || d.tokens.upos[v] != UPos::kVerb) continue;
    int32_t subject = -1, marker = -1;
    for (TokenIdx n = t + 1; n < static_cast<TokenIdx>(v) && subject < 0; ++n) {
      if (d.tokens.head[n] != static_cast<int32_t>(t) || d.tokens.deprel[n] != Deprel::kNmod) continue;
      for (TokenIdx c = t + 1; c < n; ++c)
        if (d.tokens.head[c] == static_cast<int32_t>(n) && d.tokens.deprel[c] == Deprel::kCase &&
            one_of(text::lower(d.token_text(c)), {"after", "before"}))
          subject = static_cast<int32_t>(n), marker = static_cast<int32_t>(c);
    }
    if (subject < 0) continue;
    d.tokens.head[subject] = v;
    d.tokens.deprel[subject] = Deprel::kNsubj;
    d.tokens.head[marker] = v;
    d.tokens.deprel[marker] = Deprel::kMark;
    d.tokens.deprel[t] = Deprel::kObl;
    ++repaired;
  }
  // "Security was tightened at the airport and authorities warned his supporters …": a finite verb right after a
  // noun the parser coordinated with an earlier noun ("airport and authorities") is a new clause whose subject
  // is that noun, coordinated with the clause the first noun belongs to.
  for (TokenIdx t = 1; t + 1 < d.tokens.size(); ++t) {
    const TokenIdx v = t + 1;
    if ((d.tokens.upos[t] != UPos::kNoun && d.tokens.upos[t] != UPos::kPropn) || d.tokens.deprel[t] != Deprel::kConj)
      continue;
    if (d.tokens.upos[v] != UPos::kVerb || !one_of(d.xpos(v), {"VBD", "VBZ", "VBP"})) continue;
    if (d.tokens.head[v] == static_cast<int32_t>(t)) continue;  // the parser made it the noun's clause
    const size_t sent = d.sentence_of(t);
    const TokenIdx first = d.sentences.first[sent], last = d.sentences.last[sent];
    if (v >= last) continue;
    bool subject = false, coordinated = false;
    for (TokenIdx c = first; c < last; ++c) {
      if (d.tokens.head[c] == static_cast<int32_t>(v) &&
          (d.tokens.deprel[c] == Deprel::kNsubj || d.tokens.deprel[c] == Deprel::kNsubjPass || d.tokens.deprel[c] == Deprel::kExpl))
        subject = true;
      if (d.tokens.head[c] == static_cast<int32_t>(t) && d.tokens.deprel[c] == Deprel::kCc &&
          one_of(text::lower(d.token_text(c)), {"and", "but", "while"}))
        coordinated = true;
    }
    if (subject || !coordinated) continue;
    // The clause of the first conjunct: its nearest verb ancestor, which must govern the misread verb too.
    int32_t main = d.tokens.head[t];
    for (int guard = 0; main >= 0 && d.tokens.upos[main] != UPos::kVerb && guard < 16; ++guard) main = d.tokens.head[main];
    if (main < 0 || d.tokens.upos[main] != UPos::kVerb || d.tokens.head[v] != main) continue;
    for (TokenIdx c = first; c < last; ++c)
      if (d.tokens.head[c] == static_cast<int32_t>(t) && d.tokens.deprel[c] == Deprel::kCc) d.tokens.head[c] = static_cast<int32_t>(v);
    d.tokens.head[t] = static_cast<int32_t>(v);
    d.tokens.deprel[t] = Deprel::kNsubj;
    d.tokens.deprel[v] = Deprel::kConj;
    ++repaired;
  }
  // "killed 1,200 people and seized 240 hostages": a verb the parser coordinated with the object noun of an
  // earlier verb is coordinated with that verb (a noun has no verb conjuncts).
  for (TokenIdx t = 0; t < d.tokens.size(); ++t) {
    if (d.tokens.upos[t] != UPos::kVerb || d.tokens.deprel[t] != Deprel::kConj) continue;
    int32_t n = d.tokens.head[t];
    if (n < 0 || (d.tokens.upos[n] != UPos::kNoun && d.tokens.upos[n] != UPos::kPropn)) continue;
    int32_t v = d.tokens.head[n];
    Deprel nr = d.tokens.deprel[n];
    if (v < 0 || d.tokens.upos[v] != UPos::kVerb || (nr != Deprel::kObj && nr != Deprel::kObl) || v > n) continue;
    d.tokens.head[t] = v;
    if (d.xpos(t) == "VBN" && d.xpos(v) == "VBD") {  // same tense and voice as the verb it joins
      d.tokens.xpos[t] = d.strings.intern("VBD");
      d.tokens.feats[t] = d.strings.intern(finite_past(d.feats(t)));
    }
    ++repaired;
  }
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    const TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
    if (last - first < 4) continue;
    TokenIdx root = last;
    for (TokenIdx t = first; t < last; ++t)
      if (d.tokens.head[t] == doc::kRootHead) root = t;
    if (root == last || !nominal_root(d, root, first, last)) continue;
    // The participle: the first acl child after the root with no auxiliary and no subject of its own.
    auto kids_have = [&](TokenIdx t, std::initializer_list<Deprel> rels) {
      for (TokenIdx c = first; c < last; ++c)
        if (d.tokens.head[c] == static_cast<int32_t>(t))
          for (Deprel r : rels)
            if (d.tokens.deprel[c] == r) return true;
      return false;
    };
    // Inside the root's noun phrase through "of" phrases: "Tens of thousands of supporters rallied".
    auto in_root_phrase = [&](int32_t h) {
      for (int guard = 0; h >= 0 && guard < 8; ++guard) {
        if (h == static_cast<int32_t>(root)) return true;
        if (d.tokens.deprel[h] != Deprel::kNmod || (d.tokens.upos[h] != UPos::kNoun && d.tokens.upos[h] != UPos::kPropn))
          return false;
        h = d.tokens.head[h];
      }
      return false;
    };
    // Its head is the root (or a noun of its "of" phrase), or a time noun the parser hung on the root ("official
    // today praised").
    auto attachable = [&](int32_t h, TokenIdx t) {
      if (h == static_cast<int32_t>(root) || in_root_phrase(h)) return true;
      if (h < 0 || d.tokens.head[h] != static_cast<int32_t>(root) || static_cast<TokenIdx>(h) > t) return false;
      Deprel r = d.tokens.deprel[h];
      return (d.tokens.upos[h] == UPos::kNoun || d.tokens.upos[h] == UPos::kPropn) &&
             (r == Deprel::kOblUnmarked || r == Deprel::kNmodUnmarked || r == Deprel::kOblTmod ||
              r == Deprel::kNmodTmod);
    };
    TokenIdx verb = last;
    for (TokenIdx t = root + 1; t < last && verb == last; ++t)
      if (d.tokens.upos[t] == UPos::kVerb && attachable(d.tokens.head[t], t) && d.tokens.deprel[t] == Deprel::kAcl &&
          (d.xpos(t) == "VBN" || d.xpos(t) == "VBD") &&
          !kids_have(t, {Deprel::kAux, Deprel::kAuxPass, Deprel::kCop, Deprel::kNsubj, Deprel::kNsubjPass}))
        verb = t;
    if (verb == last) continue;
    const int32_t old_head = d.tokens.head[verb];
    // A verb with its own subject outside the participle's clause means the sentence has its clause already.
    // (Clauses the root governs after the participle move under it below: "…, demanding that the government
    // reach a deal" is the participle's own adverbial, not another clause.)
    auto moves_with_verb = [&](TokenIdx t) {
      for (int32_t cur = static_cast<int32_t>(t), guard = 0; cur >= 0 && guard < 512; ++guard) {
        if (d.tokens.head[cur] == static_cast<int32_t>(root)) return static_cast<TokenIdx>(cur) > verb;
        cur = d.tokens.head[cur];
      }
      return false;
    };
    bool other_clause = false;
    for (TokenIdx t = first; t < last && !other_clause; ++t)
      if (t != verb && d.tokens.upos[t] == UPos::kVerb && !is_under(d, static_cast<int32_t>(t), static_cast<int32_t>(verb)) && !moves_with_verb(t) &&
          kids_have(t, {Deprel::kNsubj, Deprel::kNsubjPass, Deprel::kCsubj}))
        other_clause = true;
    if (other_clause) continue;
    // "troops deployed by Russia": a genuine reduced passive (captions, headlines) keeps its reading.
    // (In a headline, "Kenya City Blockaded by Uganda Troops" is that passive, stated: it becomes the main verb.)
    const bool headline = is_headline_line(d, first, last);
    if (verb + 1 < last && text::lower(d.token_text(verb + 1)) == "by" && !(headline && d.xpos(verb) == "VBN")) continue;
    // Everything the root governed after the verb now belongs to the verb's clause.
    for (TokenIdx t = verb + 1; t < last; ++t)
      if (d.tokens.head[t] == static_cast<int32_t>(root)) d.tokens.head[t] = static_cast<int32_t>(verb);
    if (old_head != static_cast<int32_t>(root) && !in_root_phrase(old_head)) {  // the time noun modifies the clause
      d.tokens.head[old_head] = static_cast<int32_t>(verb);
      d.tokens.deprel[old_head] = Deprel::kOblUnmarked;
    }
    d.tokens.head[verb] = doc::kRootHead;
    d.tokens.deprel[verb] = Deprel::kRoot;
    d.tokens.head[root] = static_cast<int32_t>(verb);
    // "Paramilitary group formed in Brazil": a headline drops the auxiliary of its passives (its active verbs are
    // in the present), so there a participle with no object is passive.
    // ("Four activists granted asylum": a verb of giving keeps its object in the passive.)
    const bool gives = one_of(text::lower(d.lemma(verb)), {"grant", "give", "offer", "award", "deny", "refuse", "hand",
                                                            "promise", "sentence", "allow"});
    if (d.xpos(verb) == "VBN" && headline && (!kids_have(verb, {Deprel::kObj, Deprel::kCcomp}) || gives)) {
      d.tokens.deprel[root] = Deprel::kNsubjPass;
      ++repaired;
      continue;
    }
    d.tokens.deprel[root] = Deprel::kNsubj;
    if (d.xpos(verb) == "VBN") {  // a finite past the parser took for a relative clause keeps its tags
      d.tokens.xpos[verb] = d.strings.intern("VBD");
      d.tokens.feats[verb] = d.strings.intern(finite_past(d.feats(verb)));
    }
    ++repaired;
  }
  // "defied the Kremlin's threats to jail him", "announced plans to expel …": an infinitive right after a noun of
  // intent that is the verb's object or oblique ("despite threats to …") is that noun's complement, not the verb's
  // purpose.
  for (TokenIdx v = 2; v < d.tokens.size(); ++v) {
    // (Or its complement: "announced their intention to lay down arms" read with the infinitive as the xcomp.)
    const Deprel vr = doc::deprel_universal(d.tokens.deprel[v]);
    if ((vr != Deprel::kAdvcl && vr != Deprel::kXcomp) || d.tokens.upos[v] != UPos::kVerb) continue;
    const TokenIdx to = v - 1, noun = v - 2;
    if (text::lower(d.token_text(to)) != "to" || d.tokens.head[to] != static_cast<int32_t>(v)) continue;
    const Deprel nr = doc::deprel_universal(d.tokens.deprel[noun]);
    if (d.tokens.upos[noun] != UPos::kNoun || d.tokens.head[noun] != d.tokens.head[v] ||
        (nr != Deprel::kObj && nr != Deprel::kObl))
      continue;
    if (!one_of(text::lower(d.lemma(noun)), {"threat", "plan", "decision", "bid", "attempt", "effort", "pledge",
                                             "promise", "call", "order", "demand", "refusal", "offer", "vow", "move",
                                             "intention", "intent", "readiness", "willingness", "determination",
                                             "commitment"}))
      continue;
    attach(d, v, static_cast<int32_t>(noun), Deprel::kAcl);
    ++repaired;
  }
  // "Japan, several Asian states and Australia on Friday unveiled …": a list of subjects whose
  // middle item the parser made the root, the last item the subject of a relative clause with no relative word.
  // The list is the verb's subject: its first item the nsubj, the others its conjuncts.
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    const TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
    const int32_t root = sentence_root(d, first, last);
    if (root < 0 || !nominal_root(d, static_cast<TokenIdx>(root), first, last)) continue;
    int32_t verb = -1, tail = -1, head_item = -1;
    for (TokenIdx t = first; t < last; ++t) {
      if (d.tokens.head[t] != root) continue;
      if (d.tokens.deprel[t] == Deprel::kAclRelcl && d.tokens.upos[t] == UPos::kVerb && t > static_cast<TokenIdx>(root))
        verb = static_cast<int32_t>(t);
      if (doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kNsubj && t < static_cast<TokenIdx>(root))
        head_item = static_cast<int32_t>(t);
    }
    if (verb < 0) continue;
    bool relative_word = false, coordinated = false;
    for (TokenIdx t = first; t < last; ++t) {
      if (d.tokens.head[t] != verb) continue;
      const std::string lower = text::lower(d.token_text(t));
      if (one_of(lower, {"who", "which", "that", "whom", "whose", "where", "when"})) relative_word = true;
      if (doc::deprel_universal(d.tokens.deprel[t]) == Deprel::kNsubj && t < static_cast<TokenIdx>(verb)) {
        tail = static_cast<int32_t>(t);
        for (TokenIdx c = first; c < t; ++c)
          if (d.tokens.head[c] == static_cast<int32_t>(t) && d.tokens.deprel[c] == Deprel::kCc) coordinated = true;
      }
    }
    if (relative_word || !coordinated || tail < root) continue;
    const int32_t subject = head_item >= 0 ? head_item : root;
    for (TokenIdx t = first; t < last; ++t)  // the root's other dependents after the verb are the clause's
      if (d.tokens.head[t] == root && t > static_cast<TokenIdx>(verb)) d.tokens.head[t] = verb;
    attach(d, static_cast<TokenIdx>(verb), doc::kRootHead, Deprel::kRoot);
    attach(d, static_cast<TokenIdx>(subject), verb, Deprel::kNsubj);
    if (subject != root) attach(d, static_cast<TokenIdx>(root), subject, Deprel::kConj);
    attach(d, static_cast<TokenIdx>(tail), subject, Deprel::kConj);
    ++repaired;
  }
  repaired += repair_dashed_relatives(d);
  repaired += repair_comma_relatives(d);
  repaired += repair_headline_passives(d);
  repaired += repair_headline_progressives(d);
  repaired += repair_reported_that_clauses(d);
  repaired += repair_list_appositions(d);
  repaired += repair_trailing_gerunds(d);
  repaired += repair_participle_adjectives(d);
  return repaired;
}

size_t repair_split_names(doc::Document& d, const kb::KnowledgeBase& kb) {
  if (!d.has(doc::kLayerParse)) return 0;
  size_t repaired = 0;
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    const TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
    // Every possessive has an apostrophe: a sentence without one is not matched again here (the mentions match
    // every sentence later).
    bool apostrophe = false;
    for (TokenIdx t = first; t < last && !apostrophe; ++t) {
      const std::string_view w = d.token_text(t);
      apostrophe = w.find('\'') != std::string_view::npos || w.find("\u2019") != std::string_view::npos;
    }
    if (!apostrophe) continue;
    for (const kb::KbMatch& m : kb.find_mentions(d, s)) {
      if (m.end - m.begin < 2 || m.end > last || m.begin < first || m.candidates.empty()) continue;
      const auto via = m.candidates.front().via;
      if (via != kb::Via::kName && via != kb::Via::kAlias) continue;
      const TokenIdx tail = m.end - 1;
      // Followed by the possessive, or carrying it inside the last token.
      const bool possessive = m.possessive || (m.end < last && (d.token_text(m.end) == "'s" || d.token_text(m.end) == "\u2019s"));
      if (!possessive) continue;
      bool names = true;
      for (TokenIdx t = m.begin; t < m.end; ++t) names &= d.tokens.upos[t] == UPos::kPropn;
      if (!names) continue;
      // Intact: one word of the name attaches outside it.
      size_t outside = 0;
      for (TokenIdx t = m.begin; t < m.end; ++t) {
        const int32_t h = d.tokens.head[t];
        if (h < static_cast<int32_t>(m.begin) || h >= static_cast<int32_t>(m.end)) ++outside;
      }
      if (outside <= 1) continue;
      const int32_t tail_head = d.tokens.head[tail];
      if (tail_head >= static_cast<int32_t>(m.begin) && tail_head < static_cast<int32_t>(m.end)) continue;
      // Only when the last word is no dependent of the others' clause: moving their dependents to it would make a
      // cycle (a first word read as the root above the whole sentence).
      bool above = false;
      for (TokenIdx t = m.begin; t < tail; ++t) above |= is_under(d, static_cast<int32_t>(tail), static_cast<int32_t>(t));
      if (above) continue;
      // The other words' dependents outside the name move to its last word (never the name's own outside head).
      for (TokenIdx t = first; t < last; ++t) {
        const int32_t h = d.tokens.head[t];
        if (t >= m.begin && t < m.end) continue;
        if (h >= static_cast<int32_t>(m.begin) && h < static_cast<int32_t>(tail)) d.tokens.head[t] = static_cast<int32_t>(tail);
      }
      for (TokenIdx t = m.begin; t < tail; ++t) attach(d, t, static_cast<int32_t>(tail), Deprel::kCompound);
      ++repaired;
    }
  }
  return repaired;
}

}  // namespace casus::code
