#include "casus/eval/conllu_eval.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "casus/text/utf8.h"

namespace casus::eval {

namespace {

// Universal features (UD v2): UFeats compares only these, as the shared task did.
constexpr std::string_view kUniversalFeatures[] = {
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case",
    "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person",
    "Polite"};

struct Word {
  uint32_t start = 0, end = 0;  // character span (whitespace removed)
  bool multiword = false;       // part of a multiword token (the span is the token's)
  std::string_view form, lemma, upos, xpos, deprel;
  std::string feats;            // universal features only
  int64_t head = -1;            // absolute word index, -1 root, -2 unknown
};

struct Span {
  uint32_t start, end;
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

struct Parsed {
  std::vector<Word> words;
  std::vector<Span> tokens, sentences;
  std::u32string chars;  // the text without whitespace
};

bool is_ws(char32_t c) { return c == ' ' || c == '\t' || text::is_space(c) || (c >= 0x1C && c <= 0x1F); }

std::string universal_feats(std::string_view feats) {
  if (feats == "_") return {};
  std::string out;
  while (!feats.empty()) {
    size_t bar = feats.find('|');
    std::string_view kv = feats.substr(0, bar);
    std::string_view name = kv.substr(0, kv.find('='));
    if (std::find(std::begin(kUniversalFeatures), std::end(kUniversalFeatures), name) !=
        std::end(kUniversalFeatures)) {
      if (!out.empty()) out += '|';
      out += kv;
    }
    if (bar == std::string_view::npos) break;
    feats.remove_prefix(bar + 1);
  }
  return out;
}

bool parse_int(std::string_view s, int64_t& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

// Appends the form's non-whitespace characters; returns how many.
uint32_t append_chars(std::string_view form, std::u32string& chars) {
  uint32_t n = 0;
  size_t pos = 0;
  while (pos < form.size()) {
    char32_t c = text::decode_at(form, pos);
    if (is_ws(c)) continue;
    chars.push_back(c);
    ++n;
  }
  return n;
}

Result<Parsed> parse(std::string_view data, const char* which) {
  Parsed p;
  auto fail = [&](size_t line, const std::string& what) {
    return Status(Code::kBadConllu, std::string(which) + " line " + std::to_string(line) + ": " + what);
  };
  size_t pos = 0, line_no = 0;
  size_t sent_first_word = 0;
  uint32_t sent_start = 0;
  int64_t mwt_last = 0;  // last word id of the open multiword token (0: none)
  std::vector<std::string_view> heads;  // per word of the current sentence
  auto close_sentence = [&]() -> Status {
    if (p.words.size() == sent_first_word) return Status::ok();
    const int64_t n = static_cast<int64_t>(p.words.size() - sent_first_word);
    for (size_t w = sent_first_word; w < p.words.size(); ++w) {
      std::string_view h = heads[w - sent_first_word];
      int64_t v = 0;
      if (h == "_") {
        p.words[w].head = -2;
      } else if (!parse_int(h, v) || v < 0 || v > n) {
        return Status(Code::kBadConllu, std::string(which) + ": bad HEAD '" + std::string(h) + "' in sentence " +
                                            std::to_string(p.sentences.size() + 1));
      } else {
        p.words[w].head = v == 0 ? -1 : static_cast<int64_t>(sent_first_word) + v - 1;
      }
    }
    p.sentences.push_back({sent_start, static_cast<uint32_t>(p.chars.size())});
    sent_first_word = p.words.size();
    sent_start = static_cast<uint32_t>(p.chars.size());
    heads.clear();
    mwt_last = 0;
    return Status::ok();
  };
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    std::string_view line = data.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? data.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      CASUS_RETURN_IF_ERROR(close_sentence());
      continue;
    }
    if (line[0] == '#') continue;
    std::string_view cols[10];
    size_t col = 0, start = 0;
    for (size_t i = 0; i <= line.size() && col < 10; ++i)
      if (i == line.size() || line[i] == '\t') {
        cols[col++] = line.substr(start, i - start);
        start = i + 1;
      }
    if (col != 10) return fail(line_no, "expected 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    auto dash = id.find('-');
    if (dash != std::string_view::npos) {
      int64_t a = 0, b = 0;
      if (!parse_int(id.substr(0, dash), a) || !parse_int(id.substr(dash + 1), b) || b < a)
        return fail(line_no, "bad multiword range '" + std::string(id) + "'");
      uint32_t s = static_cast<uint32_t>(p.chars.size());
      append_chars(cols[1], p.chars);
      p.tokens.push_back({s, static_cast<uint32_t>(p.chars.size())});
      mwt_last = b;
      continue;
    }
    int64_t n = 0;
    if (!parse_int(id, n) || n != static_cast<int64_t>(p.words.size() - sent_first_word) + 1)
      return fail(line_no, "expected word id " + std::to_string(p.words.size() - sent_first_word + 1) + ", got '" +
                               std::string(id) + "'");
    Word w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = universal_feats(cols[5]);
    w.deprel = cols[7].substr(0, cols[7].find(':'));
    if (mwt_last >= n) {
      w.multiword = true;
      w.start = p.tokens.back().start;
      w.end = p.tokens.back().end;
    } else {
      w.start = static_cast<uint32_t>(p.chars.size());
      append_chars(cols[1], p.chars);
      w.end = static_cast<uint32_t>(p.chars.size());
      p.tokens.push_back({w.start, w.end});
    }
    heads.push_back(cols[6]);
    p.words.push_back(w);
  }
  CASUS_RETURN_IF_ERROR(close_sentence());
  return p;
}

Score span_score(const std::vector<Span>& gold, const std::vector<Span>& sys) {
  // Both lists are in text order: a merge finds the equal spans.
  Score s;
  s.gold = gold.size();
  s.system = sys.size();
  size_t i = 0, j = 0;
  while (i < gold.size() && j < sys.size()) {
    if (gold[i] == sys[j]) {
      ++s.correct;
      ++i;
      ++j;
    } else if (gold[i].start < sys[j].start || (gold[i].start == sys[j].start && gold[i].end < sys[j].end)) {
      ++i;
    } else {
      ++j;
    }
  }
  s.aligned = s.correct;
  return s;
}

std::u32string lower_form(std::string_view form) {
  std::u32string out;
  size_t pos = 0;
  while (pos < form.size()) out.push_back(text::to_lower(text::decode_at(form, pos)));
  return out;
}

// Word alignment of the shared task: words outside multiword tokens match by span; a region where either side
// has a multiword token is aligned by LCS of lower-cased forms.
class Aligner {
 public:
  Aligner(const std::vector<Word>& g, const std::vector<Word>& s) : g_(g), s_(s), g2s_(g.size(), -1) {}

  const std::vector<int64_t>& run() {
    size_t gi = 0, si = 0;
    while (gi < g_.size() && si < s_.size()) {
      if (g_[gi].multiword || s_[si].multiword) {
        size_t gs, ss;
        find_multiword_span(gi, si, gs, ss);
        if (si > ss && gi > gs) lcs_align(gs, gi, ss, si);
      } else if (g_[gi].start == s_[si].start && g_[gi].end == s_[si].end) {
        g2s_[gi++] = static_cast<int64_t>(si++);
      } else if (g_[gi].start <= s_[si].start) {
        ++gi;
      } else {
        ++si;
      }
    }
    return g2s_;
  }

 private:
  static bool beyond_end(const std::vector<Word>& w, size_t i, uint32_t end) {
    if (i >= w.size()) return true;
    if (w[i].multiword) return w[i].start >= end;
    return w[i].end > end;
  }
  static uint32_t extend_end(const Word& w, uint32_t end) { return w.multiword && w.end > end ? w.end : end; }

  void find_multiword_span(size_t& gi, size_t& si, size_t& gs, size_t& ss) {
    uint32_t end;
    if (g_[gi].multiword) {
      end = g_[gi].end;
      if (!s_[si].multiword && s_[si].start < g_[gi].start) ++si;
    } else {
      end = s_[si].end;
      if (!g_[gi].multiword && g_[gi].start < s_[si].start) ++gi;
    }
    gs = gi;
    ss = si;
    while (!beyond_end(g_, gi, end) || !beyond_end(s_, si, end)) {
      if (gi < g_.size() && (si >= s_.size() || g_[gi].start <= s_[si].start)) {
        end = extend_end(g_[gi], end);
        ++gi;
      } else {
        end = extend_end(s_[si], end);
        ++si;
      }
    }
  }

  void lcs_align(size_t gs, size_t ge, size_t ss, size_t se) {
    const size_t n = ge - gs, m = se - ss;
    if (n * m > 20'000'000) return;  // pathological region (texts far apart): leave it unaligned, bounded memory
    std::vector<std::u32string> gf(n), sf(m);
    for (size_t i = 0; i < n; ++i) gf[i] = lower_form(g_[gs + i].form);
    for (size_t j = 0; j < m; ++j) sf[j] = lower_form(s_[ss + j].form);
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        at(i, j) = gf[i] == sf[j] ? 1 + at(i + 1, j + 1) : std::max(at(i + 1, j), at(i, j + 1));
    size_t i = 0, j = 0;
    while (i < n && j < m) {
      if (gf[i] == sf[j]) {
        g2s_[gs + i] = static_cast<int64_t>(ss + j);
        ++i;
        ++j;
      } else if (at(i, j) == at(i + 1, j)) {
        ++i;
      } else {
        ++j;
      }
    }
  }

  const std::vector<Word>& g_;
  const std::vector<Word>& s_;
  std::vector<int64_t> g2s_;
};

void put(nlohmann::ordered_json& j, const char* name, const Score& s) {
  j[name] = {{"precision", 100 * s.precision()},
             {"recall", 100 * s.recall()},
             {"f1", 100 * s.f1()},
             {"aligned_accuracy", 100 * s.aligned_accuracy()},
             {"gold", s.gold},
             {"system", s.system},
             {"correct", s.correct}};
}

}  // namespace

Result<ConlluScores> evaluate_conllu(std::string_view gold_data, std::string_view system_data) {
  auto gold = parse(gold_data, "gold");
  if (!gold) return gold.status();
  auto sys = parse(system_data, "system");
  if (!sys) return sys.status();
  const Parsed& g = *gold;
  const Parsed& s = *sys;
  if (g.chars != s.chars) {
    size_t k = 0;
    while (k < g.chars.size() && k < s.chars.size() && g.chars[k] == s.chars[k]) ++k;
    auto around = [&](const std::u32string& c) {
      std::string out;
      for (size_t q = k; q < c.size() && q < k + 20; ++q) text::append_utf8(out, c[q]);
      return out;
    };
    return Status(Code::kBadConllu, "gold and system texts differ at non-whitespace character " + std::to_string(k) +
                                        ": gold '" + around(g.chars) + "' vs system '" + around(s.chars) + "'");
  }
  ConlluScores r;
  r.tokens = span_score(g.tokens, s.tokens);
  r.sentences = span_score(g.sentences, s.sentences);
  std::vector<int64_t> g2s = Aligner(g.words, s.words).run();

  Score base;
  base.gold = g.words.size();
  base.system = s.words.size();
  r.words = r.upos = r.xpos = r.ufeats = r.alltags = r.lemmas = r.uas = r.las = base;
  for (size_t gi = 0; gi < g.words.size(); ++gi) {
    if (g2s[gi] < 0) continue;
    const Word& gw = g.words[gi];
    const Word& sw = s.words[static_cast<size_t>(g2s[gi])];
    ++r.words.correct;
    for (Score* sc : {&r.words, &r.upos, &r.xpos, &r.ufeats, &r.alltags, &r.lemmas, &r.uas, &r.las}) ++sc->aligned;
    bool upos = gw.upos == sw.upos, xpos = gw.xpos == sw.xpos, feats = gw.feats == sw.feats;
    r.upos.correct += upos;
    r.xpos.correct += xpos;
    r.ufeats.correct += feats;
    r.alltags.correct += upos && xpos && feats;
    r.lemmas.correct += gw.lemma == "_" || gw.lemma == sw.lemma;
    bool head;
    if (gw.head == -1) head = sw.head == -1;
    else if (gw.head < 0) head = false;
    else head = sw.head >= 0 && g2s[static_cast<size_t>(gw.head)] == sw.head;
    r.uas.correct += head;
    r.las.correct += head && gw.deprel == sw.deprel;
  }
  return r;
}

std::string format_table(const ConlluScores& r) {
  std::string out = "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
                    "-----------+-----------+-----------+-----------+-----------\n";
  auto row = [&](const char* name, const Score& s, bool aligned) {
    char buf[160];
    if (aligned)
      std::snprintf(buf, sizeof buf, "%-11s|%10.2f |%10.2f |%10.2f |%10.2f\n", name, 100 * s.precision(),
                    100 * s.recall(), 100 * s.f1(), 100 * s.aligned_accuracy());
    else
      std::snprintf(buf, sizeof buf, "%-11s|%10.2f |%10.2f |%10.2f |\n", name, 100 * s.precision(),
                    100 * s.recall(), 100 * s.f1());
    out += buf;
  };
  row("Tokens", r.tokens, false);
  row("Sentences", r.sentences, false);
  row("Words", r.words, false);
  row("UPOS", r.upos, true);
  row("XPOS", r.xpos, true);
  row("UFeats", r.ufeats, true);
  row("AllTags", r.alltags, true);
  row("Lemmas", r.lemmas, true);
  row("UAS", r.uas, true);
  row("LAS", r.las, true);
  return out;
}

std::string format_json(const ConlluScores& r) {
  nlohmann::ordered_json j;
  put(j, "Tokens", r.tokens);
  put(j, "Sentences", r.sentences);
  put(j, "Words", r.words);
  put(j, "UPOS", r.upos);
  put(j, "XPOS", r.xpos);
  put(j, "UFeats", r.ufeats);
  put(j, "AllTags", r.alltags);
  put(j, "Lemmas", r.lemmas);
  put(j, "UAS", r.uas);
  put(j, "LAS", r.las);
  return j.dump(2) + "\n";
}

}  // namespace casus::eval
