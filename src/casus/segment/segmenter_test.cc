#include "casus/segment/segmenter.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "casus/text/utf8.h"

namespace casus::segment {
namespace {

const Segmenter& seg() {
  static const Segmenter kSeg;
  return kSeg;
}

// Tokens joined by '|', sentences by " || ".
std::string toks(std::string_view text) {
  doc::Document d;
  d.text = std::string(text);
  EXPECT_TRUE(seg().segment(d).is_ok());
  std::string out;
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    if (s) out += " || ";
    for (doc::TokenIdx t = d.sentences.first[s]; t < d.sentences.last[s]; ++t) {
      if (t > d.sentences.first[s]) out += '|';
      out += d.form(t);
    }
  }
  return out;
}

TEST(Segmenter, DatelineStandsApartFromTheFirstSentence) {
  // clean() records where a dateline ends; the report's first sentence starts there.
  doc::Document d;
  d.text = "LIMA (Wire) - The mayor thanked the volunteers for their help.";
  d.meta.dateline_end = 14;
  ASSERT_TRUE(seg().segment(d).is_ok());
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.form(d.sentences.first[1]), "The");
  // Without one, the same text is one sentence.
  d.meta.dateline_end = 0;
  ASSERT_TRUE(seg().segment(d).is_ok());
  EXPECT_EQ(d.sentences.size(), 1u);
}

TEST(Segmenter, Clitics) {
  EXPECT_EQ(toks("I don't think they're sure it's Iran's plan."),
            "I|do|n't|think|they|'re|sure|it|'s|Iran|'s|plan|.");
  EXPECT_EQ(toks("We can't, won't and I'm told we'd"), "We|ca|n't|,|wo|n't|and|I|'m|told|we|'d");
  EXPECT_EQ(toks("the officials\u2019 statement isn\u2019t final"), "the|officials|\u2019|statement|is|n\u2019t|final");
  EXPECT_EQ(toks("You cannot stop, gonna try"), "You|can|not|stop|,|gon|na|try");
  EXPECT_EQ(toks("O'Brien met al-Qaeda's envoy in the '90s and in '72"),
            "O'Brien|met|al|-|Qaeda|'s|envoy|in|the|'90s|and|in|'72");
}

TEST(Segmenter, Hyphens) {
  EXPECT_EQ(toks("a well-known pro-Iranian, non-state e-mail from Al-Aqsa"),
            "a|well|-|known|pro-Iranian|,|non-state|e-mail|from|Al|-|Aqsa");
  EXPECT_EQ(toks("call 713-853-3989 for the 1969-1970 data, 3-4 days"),
            "call|713-853-3989|for|the|1969|-|1970|data|,|3|-|4|days");
  EXPECT_EQ(toks("a 26-year-old man"), "a|26|-|year|-|old|man");
}

TEST(Segmenter, NumbersAndDates) {
  EXPECT_EQ(toks("About 1,200 people paid $3.50 on 11/16/2023 at 10:30, or 5%."),
            "About|1,200|people|paid|$|3.50|on|11/16/2023|at|10:30|,|or|5|%|.");
}

TEST(Segmenter, AbbreviationsDoNotEndSentences) {
  EXPECT_EQ(toks("Lt. Col. John Smith met Dr. Wu on Jan. 5 in the U.S. capital."),
            "Lt.|Col.|John|Smith|met|Dr.|Wu|on|Jan.|5|in|the|U.S.|capital|.");
  EXPECT_EQ(toks("George W. Bush spoke. He left."), "George|W.|Bush|spoke|. || He|left|.");
}

TEST(Segmenter, AbbreviationAtSentenceEnd) {
  // The period of "U.S." ends the sentence before an unmistakable sentence starter.
  EXPECT_EQ(toks("Troops returned to the U.S. The war ended."), "Troops|returned|to|the|U.S. || The|war|ended|.");
  EXPECT_EQ(toks("Acme Inc.. Next"), "Acme|Inc.|. || Next");
}

TEST(Segmenter, SentenceBoundaries) {
  EXPECT_EQ(toks("He came. She left! Why? \"No.\" Then"), "He|came|. || She|left|! || Why|? || \"|No|.|\" || Then");
  EXPECT_EQ(toks("Wait... what? no way"), "Wait|...|what|? || no|way");
  EXPECT_EQ(toks("It was No. 5 on the list. No. It was not."), "It|was|No.|5|on|the|list|. || No|. || It|was|not|.");
  EXPECT_EQ(toks("Loved it! :) Great staff"), "Loved|it|!|:) || Great|staff");
  EXPECT_EQ(toks("First paragraph without period\n\nSecond one"), "First|paragraph|without|period || Second|one");
}

TEST(Segmenter, ParagraphIndex) {
  doc::Document d;
  d.text = "One. Two.\n\nThree.\n \n\nFour.";
  ASSERT_TRUE(seg().segment(d).is_ok());
  ASSERT_EQ(d.sentences.size(), 4u);
  EXPECT_EQ(d.sentences.paragraph, (std::vector<uint32_t>{0, 0, 1, 2}));
  EXPECT_TRUE(d.has(doc::kLayerTokens | doc::kLayerSentences));
}

TEST(Segmenter, CrLfLineBreaks) {
  // "\r\n" is one line break, so "\r\n\r\n" is a blank line; a lone "\r" (old Mac) is a break too.
  doc::Document d;
  d.text = "One.\r\nTwo\r\n\r\nThree.\rFour";
  ASSERT_TRUE(seg().segment(d).is_ok());
  ASSERT_EQ(d.sentences.size(), 4u);
  EXPECT_EQ(d.sentences.paragraph, (std::vector<uint32_t>{0, 0, 1, 1}));
  EXPECT_EQ(d.form(d.tokens.size() - 1), "Four");
  std::vector<Span> spans;
  seg().tokenize("a\r\nb\r\n\r\nc", spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[1].gap_before, kGapLine);
  EXPECT_EQ(spans[2].gap_before, kGapParagraph);
}

TEST(Segmenter, QuotesAndDashesOfEveryKind) {
  EXPECT_EQ(toks("\u201cYes,\u201d he said \u2014 \u2018maybe\u2019 \u00abnon\u00bb \u201equote\u201c \u2013 end"),
            "\u201c|Yes|,|\u201d|he|said|\u2014|\u2018|maybe|\u2019|\u00ab|non|\u00bb|\u201e|quote|\u201c|\u2013|end");
  EXPECT_EQ(toks("war--peace \u2015 x"), "war|--|peace|\u2015|x");
  EXPECT_EQ(toks("\u300cok\u300d \uff02x\uff02"), "\u300c|ok|\u300d|\uff02|x|\uff02");
}

TEST(Segmenter, Ellipses) {
  EXPECT_EQ(toks("so\u2026 then .... and"), "so|\u2026|then|....|and");
}

TEST(Segmenter, UrlsAndEmails) {
  EXPECT_EQ(toks("See http://example.com/a?b=1&c=2. Mail press@un.org, or (www.bbc.co.uk/news)."),
            "See|http://example.com/a?b=1&c=2|. || Mail|press@un.org|,|or|(|www.bbc.co.uk/news|)|.");
  EXPECT_EQ(toks("From: \"Ann\"<ann@x.org> and #Gaza @UN"), "From|:|\"|Ann|\"|<|ann@x.org|>|and|#Gaza|@UN");
}

TEST(Segmenter, Emoji) {
  EXPECT_EQ(toks("great\U0001F600\U0001F600 \U0001F44D\U0001F3FD ok \U0001F1FA\U0001F1F8"),
            "great|\U0001F600|\U0001F600|\U0001F44D\U0001F3FD|ok|\U0001F1FA\U0001F1F8");
}

TEST(Segmenter, EmptyAndWhitespace) {
  EXPECT_EQ(toks(""), "");
  EXPECT_EQ(toks(" \n\t \u00a0\n"), "");
  doc::Document d;
  d.text = "  \n ";
  ASSERT_TRUE(seg().segment(d).is_ok());
  EXPECT_EQ(d.tokens.size(), 0u);
  EXPECT_EQ(d.sentences.size(), 0u);
}

TEST(Segmenter, ReplacementCharacterAndInvalidBytes) {
  EXPECT_EQ(toks("bad \uFFFD byte"), "bad|\uFFFD|byte");
  // Invalid bytes (not repaired by the caller) still give in-range, monotone offsets.
  doc::Document d;
  d.text = std::string("ab\xff\xfe cd\xc3");
  ASSERT_TRUE(seg().segment(d).is_ok());
  ASSERT_GE(d.tokens.size(), 2u);
  EXPECT_EQ(d.tokens.end.back(), d.text.size());
}

TEST(Segmenter, CodePointOffsetsAndSpaceAfter) {
  doc::Document d;
  d.text = "\u00c9lys\u00e9e said: \u201cno\u201d.";
  ASSERT_TRUE(seg().segment(d).is_ok());
  ASSERT_EQ(d.tokens.size(), 7u);
  EXPECT_EQ(d.tokens.begin_cp[0], 0u);
  EXPECT_EQ(d.tokens.end_cp[0], 6u);
  EXPECT_EQ(d.tokens.begin_cp[1], 7u);
  EXPECT_EQ(d.form(4), "no");
  EXPECT_EQ(d.tokens.begin_cp[4], 14u);
  EXPECT_EQ(d.tokens.space_after[1], 0u);  // "said" glued to ":"
  EXPECT_EQ(d.tokens.space_after[2], 1u);
}

// Property: tokens are exact, ordered, non-overlapping substrings; concatenating them with the whitespace between
// them rebuilds the text; code point offsets agree with the bytes.
void check_invariants(const std::string& text) {
  doc::Document d;
  d.text = text;
  ASSERT_TRUE(seg().segment(d).is_ok());
  std::string rebuilt;
  uint32_t prev_end = 0;
  for (size_t t = 0; t < d.tokens.size(); ++t) {
    ASSERT_LT(d.tokens.begin[t], d.tokens.end[t]);
    ASSERT_LE(prev_end, d.tokens.begin[t]);
    ASSERT_LE(d.tokens.end[t], text.size());
    EXPECT_EQ(d.form(t), d.token_text(t));
    EXPECT_EQ(d.tokens.begin_cp[t], text::count_code_points(std::string_view(text).substr(0, d.tokens.begin[t])));
    EXPECT_EQ(d.tokens.end_cp[t], text::count_code_points(std::string_view(text).substr(0, d.tokens.end[t])));
    rebuilt += text.substr(prev_end, d.tokens.end[t] - prev_end);
    prev_end = d.tokens.end[t];
  }
  rebuilt += text.substr(prev_end);
  EXPECT_EQ(rebuilt, text);
  // Everything between tokens is whitespace; every non-space character is inside a token.
  size_t covered = 0;
  for (size_t t = 0; t < d.tokens.size(); ++t) covered += d.tokens.end[t] - d.tokens.begin[t];
  std::string squeezed;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\t') squeezed += c;
  EXPECT_EQ(covered, squeezed.size());
  // Sentences tile the tokens.
  if (d.tokens.size() > 0) {
    ASSERT_GT(d.sentences.size(), 0u);
    EXPECT_EQ(d.sentences.first[0], 0u);
    EXPECT_EQ(d.sentences.last.back(), d.tokens.size());
    for (size_t s = 1; s < d.sentences.size(); ++s) EXPECT_EQ(d.sentences.first[s], d.sentences.last[s - 1]);
  }
}

TEST(Segmenter, RoundTripOnComposedNews) {
  check_invariants(
      "TEHRAN, Nov. 16 (Reuters) - Iran's foreign minister said on Thursday that the \"Axis of Resistance\" "
      "won't stand by. \"We've warned them,\" he told reporters in Beirut.\n\nU.S. officials (who spoke on "
      "condition of anonymity) said 1,200 troops\u2014about 3.5% of the force\u2014would leave by 11/30/2023. "
      "Read more at https://example.org/news?id=7... or e-mail desk@example.org :)\n");
}

// The ASCII fast path must give exactly what the general tokenizer gives.
void check_fast_path_agrees(const std::string& text) {
  static const Segmenter kSlow(/*ascii_fast_path=*/false);
  std::vector<Span> fast, slow;
  seg().tokenize(text, fast);
  kSlow.tokenize(text, slow);
  ASSERT_EQ(fast.size(), slow.size()) << text;
  for (size_t i = 0; i < fast.size(); ++i) {
    EXPECT_EQ(fast[i].begin, slow[i].begin) << text;
    EXPECT_EQ(fast[i].end, slow[i].end) << text;
    EXPECT_EQ(fast[i].gap_before, slow[i].gap_before) << text;
  }
}

TEST(Segmenter, FastPathAgreesWithGeneralTokenizer) {
  check_fast_path_agrees(
      "Hes sure im right, Lets go. Ive seen it: cannot stop! Dr. No. 5 and No. J. Smith wrote etc. The end.\n\n"
      "its not over? Its a deal; word) Jan. Mr. the U.S. e.g. x. yes");
  const char* words[] = {"the", "Dr", "No", "Lets", "im", "cannot", "gonna", "etc", "J", "a", "its", "x"};
  const char* tails[] = {"", ".", ",", "!", "?", ")", ":", ";", "..", "'s"};
  const char* spaces[] = {" ", "\n", "\n\n", "\t"};
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    std::string s;
    for (int i = 0; i < 12; ++i) {
      s += words[rng() % std::size(words)];
      s += tails[rng() % std::size(tails)];
      s += spaces[rng() % std::size(spaces)];
    }
    check_fast_path_agrees(s);
  }
}

TEST(Segmenter, RoundTripOnRandomCharacterSoup) {
  const char32_t alphabet[] = {'a', 'Z', '1', '.', ',', '\'', '"', '-', '/', ':', '@', '#', ' ', ' ', '\n',
                               0x2019, 0x201C, 0x2014, 0x2026, 0x1F600, 0xFFFD, 0xE9, '!', '?', '(', ')'};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string s;
    int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) text::append_utf8(s, alphabet[rng() % std::size(alphabet)]);
    check_invariants(s);
  }
}

}  // namespace
}  // namespace casus::segment
