#include "casus/code/quotes.h"

#include <algorithm>

#include "casus/code/attribution.h"
#include "casus/code/tree.h"
#include "casus/text/utf8.h"
#include "casus/util/words.h"

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;

namespace {

struct QuoteSpan {
  uint32_t open = 0, close = 0;  // bytes: the opening mark, the closing mark
  uint32_t inner_begin = 0, inner_end = 0;
};

bool is_open_mark(char32_t c) { return c == 0x201C || c == 0x00AB || c == 0x201E; }
bool is_close_mark(char32_t c) { return c == 0x201D || c == 0x00BB; }

std::vector<QuoteSpan> quote_spans(const std::string& text) {
  std::vector<QuoteSpan> out;
  size_t pos = 0;
  int64_t open = -1, open_end = -1;
  int64_t paragraph_first = -1;  // byte of the paragraph's first visible character
  bool straight_open = false;
  // Quotes never cross paragraphs, but a quotation that opens its paragraph and is still open at its end is one:
  // news quotes a long statement paragraph by paragraph and closes the marks only after the last.
  auto run_to_paragraph_end = [&](size_t end) {
    if (open >= 0 && open == paragraph_first && end > static_cast<size_t>(open_end) &&
        end - static_cast<size_t>(open_end) < 4000)
      out.push_back(QuoteSpan{static_cast<uint32_t>(open), static_cast<uint32_t>(end), static_cast<uint32_t>(open_end),
                              static_cast<uint32_t>(end)});
    open = -1;
    straight_open = false;
    paragraph_first = -1;
  };
  while (pos < text.size()) {
    size_t at = pos;
    char32_t c = text::decode_at(text, pos);
    if (c == '\n' && pos < text.size() && text[pos] == '\n') {  // quotes never cross paragraphs
      run_to_paragraph_end(at);
      continue;
    }
    if (paragraph_first < 0 && c != ' ' && c != '\n' && c != '\t' && c != '\r') paragraph_first = static_cast<int64_t>(at);
    bool opening = is_open_mark(c) || (c == '"' && !straight_open && open < 0);
    bool closing = is_close_mark(c) || (c == '"' && straight_open);
    if (closing && open >= 0) {
      QuoteSpan q{static_cast<uint32_t>(open), static_cast<uint32_t>(at), static_cast<uint32_t>(open_end),
                  static_cast<uint32_t>(at)};
      if (at - open_end < 4000) out.push_back(q);
      open = -1;
      straight_open = false;
    } else if (opening) {
      open = static_cast<int64_t>(at);
      open_end = static_cast<int64_t>(pos);
      straight_open = c == '"';
    }
  }
  run_to_paragraph_end(text.size());
  return out;
}

size_t sentence_at_byte(const doc::Document& d, uint32_t byte) {
  size_t lo = 0, hi = d.sentences.size();
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (d.tokens.begin[d.sentences.first[mid]] <= byte) lo = mid; else hi = mid;
  }
  return lo;
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}


bool first_or_second_person(std::string_view lower) {
  for (std::string_view p : {"we", "us", "our", "you", "your", "i", "me", "my"})
    if (lower == p) return true;
  return false;
}

}  // namespace

std::vector<doc::Quote> find_quotes(const doc::Document& d, const mention::MentionIndex& mentions,
                                    const lexicon::CueLists& cues) {
  std::vector<doc::Quote> out;
  if (d.sentences.size() == 0) return out;
  auto fill_speaker = [&](doc::Quote& q, size_t s, uint32_t outside_begin, uint32_t outside_end) {
    SentenceTree tree(d, s);
    AttributionFinder finder{d, tree, mentions, cues, s};
    // The reporting verb nearest to the quote, outside it.
    int32_t verb = -1;
    for (TokenIdx t = tree.first(); t < tree.last(); ++t) {
      if (d.tokens.begin[t] >= outside_begin && d.tokens.end[t] <= outside_end) continue;
      if (cues.is_reporting_verb(tree.lemma(t)) && d.tokens.upos[t] != doc::UPos::kNoun &&
          finder.speaker_head(t) >= 0) {
        verb = static_cast<int32_t>(t);
        break;
      }
    }
    if (verb < 0) {
      // "The statement condemned the 'war of choice' …": a statement that speaks is its issuer (its mention is
      // the issuer's coreferent) when the sentence's main verb has it as subject.
      const int32_t root = tree.root();
      for (TokenIdx c : tree.children(static_cast<TokenIdx>(root))) {
        if (doc::deprel_universal(d.tokens.deprel[c]) != Deprel::kNsubj) continue;
        const int32_t m = mentions.head_mention(c);
        if (m < 0 || d.mentions[m].antecedent < 0 || !mention::is_statement_lemma(tree.lemma(c))) continue;
        q.speaker = d.mentions[m].entity;
        return true;
      }
      return false;
    }
    int32_t head = finder.speaker_head(static_cast<TokenIdx>(verb));
    if (head < 0) return false;
    q.speaker = finder.entity_for(static_cast<TokenIdx>(head));
    q.via = finder.relays(verb);
    q.anonymous = finder.anonymous(q.speaker, head);
    return true;
  };

  for (const QuoteSpan& span : quote_spans(d.text)) {
    std::string_view inner = std::string_view(d.text).substr(span.inner_begin, span.inner_end - span.inner_begin);
    if (word_count(inner) < 3) continue;  // scare quotes: “so-called”
    doc::Quote q;
    q.sentence = static_cast<uint32_t>(sentence_at_byte(d, span.open));
    q.text = std::string(inner);
    q.start = d.cp_offset(span.inner_begin);
    q.end = d.cp_offset(span.inner_end);
    size_t s_close = sentence_at_byte(d, span.close);
    bool found = fill_speaker(q, s_close, span.open, span.close + 1);
    if (!found && s_close != q.sentence) found = fill_speaker(q, q.sentence, span.open, span.close + 1);
    if (!found && s_close + 1 < d.sentences.size() &&
        d.sentences.paragraph[s_close + 1] == d.sentences.paragraph[s_close])
      found = fill_speaker(q, s_close + 1, 0, 0);
    // A paragraph that is one quotation with no reporting clause continues the speaker of the quotation just
    // before it (news quotes a long statement paragraph by paragraph, attributing only the first).
    const bool opens_paragraph =
        d.tokens.begin[d.sentences.first[q.sentence]] >= span.open &&
        (q.sentence == 0 || d.sentences.paragraph[q.sentence] != d.sentences.paragraph[q.sentence - 1]);
    if (!found && opens_paragraph && !out.empty() && !out.back().speaker.text.empty() &&
        d.sentences.paragraph[out.back().sentence] + 1 >= d.sentences.paragraph[q.sentence]) {
      q.speaker = out.back().speaker;
      found = true;
    }
    // "The Guards released a statement after the launch. ¶ “We launched an operation …”": a quotation opening the
    // paragraph after one that announces a statement is that statement, spoken by whoever issued it.
    if (!found && opens_paragraph && q.sentence > 0 && d.has(doc::kLayerParse)) {
      const size_t prev = q.sentence - 1;
      for (TokenIdx t = d.sentences.first[prev]; t < d.sentences.last[prev] && !found; ++t) {
        const std::string lemma = text::lower(d.lemma(t).empty() ? d.token_text(t) : d.lemma(t));
        if (!one_of(lemma, {"statement", "communique", "communiqué", "declaration"}) ||
            doc::deprel_universal(d.tokens.deprel[t]) != Deprel::kObj)
          continue;
        const int32_t verb = d.tokens.head[t];
        if (verb < 0 || !one_of(text::lower(d.lemma(static_cast<TokenIdx>(verb))),
                                {"release", "issue", "publish", "read", "put", "post", "send"}))
          continue;
        for (TokenIdx c = d.sentences.first[prev]; c < d.sentences.last[prev] && !found; ++c) {
          if (d.tokens.head[c] != verb || doc::deprel_universal(d.tokens.deprel[c]) != Deprel::kNsubj) continue;
          const int32_t m = mentions.head_mention(c) >= 0 ? mentions.head_mention(c) : mentions.cover_mention(c);
          if (m < 0 || d.mentions[m].entity.kb_id.empty()) continue;
          q.speaker = d.mentions[m].entity;
          found = true;
        }
      }
    }
    out.push_back(std::move(q));
  }

  // Unmarked direct speech introduced by a colon: "That message is: You gave us no warning …".
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
    TokenIdx colon = last;
    for (TokenIdx t = first; t < last; ++t)
      if (d.token_text(t) == ":") {
        colon = t;
        break;
      }
    if (colon + 4 >= last) continue;
    bool personal = false;
    for (TokenIdx t = colon + 1; t < last; ++t)
      if (first_or_second_person(text::lower(d.token_text(t)))) personal = true;
    if (!personal) continue;
    uint32_t b = d.tokens.begin[colon + 1], e = d.tokens.end[last - 1];
    bool inside_marked = std::any_of(out.begin(), out.end(), [&](const doc::Quote& q) {
      return q.start <= d.cp_offset(b) && d.cp_offset(e) <= q.end;
    });
    if (inside_marked) continue;
    doc::Quote q;
    q.sentence = static_cast<uint32_t>(s);
    q.text = std::string(std::string_view(d.text).substr(b, e - b));
    q.start = d.cp_offset(b);
    q.end = d.cp_offset(e);
    // Speaker: the subject of a communication verb in the announcing sentence (this one before the colon, or the
    // previous one in the paragraph) — "Khamenei delivered a clear message … That message is: …".
    // Verbs that hand over a message come first ("deliver a message"), then any verb with a person subject.
    bool found = false;
    for (int pass = 0; pass < 2 && !found; ++pass)
    for (size_t back = 0; back <= 1 && !found && back <= s; ++back) {
      size_t ps = s - back;
      if (back && d.sentences.paragraph[ps] + 1 < d.sentences.paragraph[s]) break;
      SentenceTree tree(d, ps);
      AttributionFinder finder{d, tree, mentions, cues, ps};
      for (TokenIdx t = tree.first(); t < (back ? tree.last() : colon) && !found; ++t) {
        if (!d.has(doc::kLayerParse) || d.tokens.upos[t] != doc::UPos::kVerb) continue;
        auto handing = [&](std::string_view w) {
          return cues.is_reporting_verb(w) ||
                 one_of(w, {"deliver", "delivers", "delivered", "send", "sent", "convey", "conveyed", "give", "gave",
                        "pass", "passed", "relay", "relayed", "write", "wrote", "hand", "handed", "bring", "brought"});
        };
        if (pass == 0 && !handing(tree.lemma(t)) && !handing(tree.lower(t))) continue;
        // Any subject that is a person (a misparse may give the verb two subjects).
        for (TokenIdx subj : tree.children(t)) {
          if (found || (d.tokens.deprel[subj] != Deprel::kNsubj && d.tokens.deprel[subj] != Deprel::kNsubjOuter)) continue;
          int32_t m = mentions.head_mention(subj);
          if (m < 0 || d.mentions[m].entity.kb_id.rfind("person:", 0) != 0) continue;
          q.speaker = finder.entity_for(subj);
          found = true;
        }
      }
    }
    if (found) out.push_back(std::move(q));
  }
  return out;
}

}  // namespace casus::code
