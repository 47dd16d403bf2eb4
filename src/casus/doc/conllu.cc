#include "casus/doc/conllu.h"

#include <charconv>

#include "casus/text/utf8.h"

namespace casus::doc {

namespace {

struct Row {
  std::string_view cols[10];
};

bool split_row(std::string_view line, Row& row) {
  size_t col = 0, start = 0;
  for (size_t i = 0; i <= line.size() && col < 10; ++i) {
    if (i == line.size() || line[i] == '\t') {
      row.cols[col++] = line.substr(start, i - start);
      start = i + 1;
    }
  }
  return col == 10;
}

bool parse_uint(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool misc_has(std::string_view misc, std::string_view item) {
  while (!misc.empty()) {
    size_t bar = misc.find('|');
    if (misc.substr(0, bar) == item) return true;
    if (bar == std::string_view::npos) break;
    misc.remove_prefix(bar + 1);
  }
  return false;
}

// Builds documents sentence by sentence.
class Builder {
 public:
  Builder(const ConlluReadOptions& opt, const std::shared_ptr<const FrozenStrings>& frozen)
      : opt_(opt), frozen_(frozen) {}

  void new_document(std::string_view id) {
    if (opt_.split_documents || docs_.empty()) {
      if (!docs_.empty() && docs_.back().sentences.size() == 0) {
        docs_.back().meta.id = std::string(id);
        return;
      }
      docs_.emplace_back(frozen_);
      docs_.back().meta.id = std::string(id);
      paragraph_ = 0;
      pending_par_ = false;
    }
  }
  void new_paragraph() { pending_par_ = true; }

  Status add_sentence(const std::vector<Row>& words, const std::vector<std::pair<int, std::string_view>>& mwts,
                      size_t line_no) {
    if (docs_.empty()) new_document("");
    Document& d = docs_.back();
    if (d.sentences.size() > 0) {
      if (pending_par_) {
        d.text += "\n\n";
        ++paragraph_;
      } else if (!d.text.empty() && d.text.back() != ' ') {
        d.text += ' ';
      }
    }
    pending_par_ = false;
    const auto first = static_cast<TokenIdx>(d.tokens.size());
    // Word index → MWT surface covering it (by first word id).
    size_t mwt_i = 0;
    for (size_t w = 0; w < words.size(); ++w) {
      const Row& r = words[w];
      int id = static_cast<int>(w) + 1;
      std::string_view form = r.cols[1];
      bool no_space = misc_has(r.cols[9], "SpaceAfter=No");
      if (mwt_i < mwts.size() && mwts[mwt_i].first == id) {
        // Multiword token: its surface goes in the text once; words take sub-spans when they tile it.
        std::string_view surface = mwts[mwt_i].second;
        int last_id = id;
        // mwts store (first, surface); the range end is recovered from the following words' count.
        last_id = mwt_last_[mwt_i];
        size_t n_words = static_cast<size_t>(last_id - id + 1);
        std::string concat;
        for (size_t k = 0; k < n_words && w + k < words.size(); ++k) concat += words[w + k].cols[1];
        const auto base = static_cast<uint32_t>(d.text.size());
        d.text += surface;
        bool tiles = concat == surface;
        uint32_t off = base;
        for (size_t k = 0; k < n_words && w + k < words.size(); ++k) {
          std::string_view wf = words[w + k].cols[1];
          uint32_t b = tiles ? off : base;
          uint32_t e = tiles ? off + static_cast<uint32_t>(wf.size()) : base + static_cast<uint32_t>(surface.size());
          off = e;
          add_token(d, words[w + k], b, e, k + 1 == n_words ? mwt_space_[mwt_i] : false);
        }
        if (mwt_space_[mwt_i] && w + n_words < words.size()) d.text += ' ';
        w += n_words - 1;
        ++mwt_i;
        continue;
      }
      const auto b = static_cast<uint32_t>(d.text.size());
      d.text += form;
      add_token(d, r, b, static_cast<uint32_t>(d.text.size()), !no_space);
      if (!no_space && w + 1 < words.size()) d.text += ' ';
    }
    const auto last = static_cast<TokenIdx>(d.tokens.size());
    // Heads are sentence-relative in CoNLL-U; the Document keeps absolute indices.
    if (opt_.keep_annotations) {
      for (size_t w = 0; w < words.size(); ++w) {
        std::string_view h = words[w].cols[6];
        int head = 0;
        if (h == "_") {
          d.tokens.head[first + w] = kNoHead;
        } else if (!parse_uint(h, head) || head < 0 || head > static_cast<int>(words.size())) {
          return Status(Code::kBadConllu, "line " + std::to_string(line_no) + ": bad HEAD '" + std::string(h) + "'");
        } else {
          d.tokens.head[first + w] = head == 0 ? kRootHead : static_cast<int32_t>(first) + head - 1;
        }
      }
    }
    d.sentences.add(first, last, paragraph_);
    d.layers |= kLayerTokens | kLayerSentences;
    if (opt_.keep_annotations) d.layers |= kLayerTags | kLayerLemmas | kLayerParse;
    return Status::ok();
  }

  std::vector<int> mwt_last_;
  std::vector<bool> mwt_space_;
  std::vector<Document> take() { return std::move(docs_); }

 private:
  void add_token(Document& d, const Row& r, uint32_t b, uint32_t e, bool space) {
    TokenIdx t = d.tokens.add(b, e, 0, 0, d.strings.intern(r.cols[1]), space);
    if (!opt_.keep_annotations) return;
    auto field = [](std::string_view v) { return v == "_" ? std::string_view() : v; };
    d.tokens.lemma[t] = d.strings.intern(r.cols[2] == "_" && r.cols[1] != "_" ? std::string_view() : r.cols[2]);
    d.tokens.upos[t] = upos_from_name(r.cols[3]).value_or(UPos::kNone);
    d.tokens.xpos[t] = d.strings.intern(field(r.cols[4]));
    d.tokens.feats[t] = d.strings.intern(field(r.cols[5]));
    d.tokens.deprel[t] = deprel_from_name(r.cols[7]).value_or(
        r.cols[7] == "_" ? Deprel::kNone : deprel_universal_from_string(r.cols[7]));
  }
  static Deprel deprel_universal_from_string(std::string_view label) {
    auto colon = label.find(':');
    return deprel_from_name(label.substr(0, colon)).value_or(Deprel::kDep);
  }

  const ConlluReadOptions& opt_;
  std::shared_ptr<const FrozenStrings> frozen_;
  std::vector<Document> docs_;
  uint32_t paragraph_ = 0;
  bool pending_par_ = false;
};

void fill_code_points(Document& d) {
  // One pass over the text maps byte offsets to code point offsets for all tokens (they are in order).
  uint32_t byte = 0, cp = 0;
  auto advance_to = [&](uint32_t target) {
    while (byte < target && byte < d.text.size()) {
      if ((static_cast<uint8_t>(d.text[byte]) & 0xC0) != 0x80) ++cp;
      ++byte;
    }
    return cp;
  };
  for (size_t t = 0; t < d.tokens.size(); ++t) {
    if (d.tokens.begin[t] < byte) {  // overlapping MWT words: restart the scan
      byte = 0;
      cp = 0;
    }
    d.tokens.begin_cp[t] = advance_to(d.tokens.begin[t]);
    uint32_t save_byte = byte, save_cp = cp;
    d.tokens.end_cp[t] = advance_to(d.tokens.end[t]);
    byte = save_byte;
    cp = save_cp;
  }
}

}  // namespace

Result<std::vector<Document>> read_conllu(std::string_view data, const ConlluReadOptions& opt,
                                          const std::shared_ptr<const FrozenStrings>& frozen) {
  Builder builder(opt, frozen);
  std::vector<Row> words;
  std::vector<std::pair<int, std::string_view>> mwts;
  size_t line_no = 0, sentence_line = 0;
  auto flush = [&]() -> Status {
    if (words.empty()) return Status::ok();
    Status s = builder.add_sentence(words, mwts, sentence_line);
    words.clear();
    mwts.clear();
    builder.mwt_last_.clear();
    builder.mwt_space_.clear();
    return s;
  };
  size_t pos = 0;
  while (pos <= data.size()) {
    size_t nl = data.find('\n', pos);
    std::string_view line = data.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? data.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      CASUS_RETURN_IF_ERROR(flush());
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc")) {
        CASUS_RETURN_IF_ERROR(flush());
        auto eq = line.find("id = ");
        builder.new_document(eq == std::string_view::npos ? std::string_view() : line.substr(eq + 5));
      } else if (line.starts_with("# newpar")) {
        CASUS_RETURN_IF_ERROR(flush());
        builder.new_paragraph();
      }
      continue;
    }
    if (words.empty()) sentence_line = line_no;
    Row row;
    if (!split_row(line, row))
      return Status(Code::kBadConllu, "line " + std::to_string(line_no) + ": expected 10 tab-separated columns");
    std::string_view id = row.cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty nodes (enhanced graphs) are not tokens
    auto dash = id.find('-');
    if (dash != std::string_view::npos) {
      int a = 0, b = 0;
      if (!parse_uint(id.substr(0, dash), a) || !parse_uint(id.substr(dash + 1), b) || b < a)
        return Status(Code::kBadConllu, "line " + std::to_string(line_no) + ": bad multiword range '" +
                                            std::string(id) + "'");
      mwts.emplace_back(a, row.cols[1]);
      builder.mwt_last_.push_back(b);
      builder.mwt_space_.push_back(!misc_has(row.cols[9], "SpaceAfter=No"));
      continue;
    }
    int n = 0;
    if (!parse_uint(id, n) || n != static_cast<int>(words.size()) + 1)
      return Status(Code::kBadConllu, "line " + std::to_string(line_no) + ": expected word id " +
                                          std::to_string(words.size() + 1) + ", got '" + std::string(id) + "'");
    words.push_back(row);
  }
  CASUS_RETURN_IF_ERROR(flush());
  std::vector<Document> docs = builder.take();
  for (auto& d : docs) fill_code_points(d);
  return docs;
}

void write_conllu(const Document& d, std::string& out) {
  if (!d.meta.id.empty()) out += "# newdoc id = " + d.meta.id + "\n";
  const bool tagged = d.has(kLayerTags), lemmas = d.has(kLayerLemmas), parsed = d.has(kLayerParse);
  auto col = [](std::string_view v) { return v.empty() ? std::string_view("_") : v; };
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
    if (s == 0 || d.sentences.paragraph[s] != d.sentences.paragraph[s - 1]) out += "# newpar\n";
    out += "# sent_id = " + std::to_string(s + 1) + "\n";
    std::string text(d.sentence_text(s));
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out += "# text = " + text + "\n";
    for (TokenIdx t = first; t < last; ++t) {
      out += std::to_string(t - first + 1);
      out += '\t';
      std::string form(d.form(t));
      if (form.empty()) form = d.token_text(t);
      for (char& c : form)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      out += form;
      out += '\t';
      out += lemmas ? col(d.lemma(t)) : "_";
      out += '\t';
      out += tagged ? upos_name(d.tokens.upos[t]) : "_";
      out += '\t';
      out += tagged ? col(d.xpos(t)) : "_";
      out += '\t';
      out += tagged ? col(d.feats(t)) : "_";
      out += '\t';
      int32_t h = d.tokens.head[t];
      if (parsed && h != kNoHead) {
        out += std::to_string(h == kRootHead ? 0 : h - static_cast<int32_t>(first) + 1);
        out += '\t';
        out += deprel_name(d.tokens.deprel[t]);
      } else {
        out += "_\t_";
      }
      out += "\t_\t";
      bool space = d.tokens.space_after[t] || t + 1 == last;
      out += space ? "_" : "SpaceAfter=No";
      out += '\n';
    }
    out += '\n';
  }
}

}  // namespace casus::doc
