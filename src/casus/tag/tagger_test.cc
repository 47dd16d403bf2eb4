#include "casus/tag/tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "casus/doc/conllu.h"
#include "casus/tag/features.h"
#include "casus/tag/lemmatizer.h"
#include "casus/tag/model.h"
#include "casus/util/bytes.h"
#include "casus/util/file.h"
#include "casus/util/hash.h"

namespace casus::tag {
namespace {

const char* kFixture = CASUS_SOURCE_DIR "/src/casus/tag/testdata/news.conllu";
const char* kWordnet = "/usr/share/wordnet";

bool have_wordnet() { return std::filesystem::exists(std::string(kWordnet) + "/verb.exc"); }

std::vector<doc::Document> fixture() {
  auto data = read_file(kFixture);
  EXPECT_TRUE(data.is_ok()) << data.status().to_string();
  auto docs = doc::read_conllu(*data);
  EXPECT_TRUE(docs.is_ok()) << docs.status().to_string();
  return std::move(docs.value());
}

TrainOptions fixture_options() {
  TrainOptions o;
  o.epochs = 20;
  o.passes = 1;  // the two-pass model has its own test
  o.use_wordnet = have_wordnet();
  o.min_word_count = 1;
  o.data_description = "tag test fixture";
  o.verbose = false;
  o.compress_sections = false;  // zstd -19 of the WordNet tables would dominate the test time
  return o;
}

// Trains on the fixture once per test binary: a few hundred tokens, well under a second.
const std::string& fixture_model_bytes() {
  static const std::string bytes = [] {
    ContainerWriter writer("model.en", "test");
    std::ostringstream log;
    Status st = train(fixture(), {}, fixture_options(), writer, log);
    EXPECT_TRUE(st.is_ok()) << st.to_string();
    return writer.serialize();
  }();
  return bytes;
}

Tagger load_fixture_model() {
  auto reader = ContainerReader::from_bytes(fixture_model_bytes(), "model.en", "fixture");
  EXPECT_TRUE(reader.is_ok()) << reader.status().to_string();
  auto tagger = Tagger::load(*reader);
  EXPECT_TRUE(tagger.is_ok()) << tagger.status().to_string();
  return std::move(tagger.value());
}

// Rebuilds the container with one section's bytes replaced.
std::string with_section(const std::string& bytes, const std::string& name, std::string payload) {
  auto reader = ContainerReader::from_bytes(bytes, "model.en", "fixture");
  EXPECT_TRUE(reader.is_ok());
  ContainerWriter writer("model.en", "test");
  for (const auto& [n, p] : reader->sections()) writer.add(n, n == name ? payload : p, false);
  return writer.serialize();
}

TEST(Features, DeterministicAndStable) {
  TokenInfo a, b, c;
  compute_token_info("Protesters", a);
  compute_token_info("Protesters", b);
  compute_token_info("protesters", c);
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_EQ(a.lower, c.lower);  // lower-cased word feature is shared
  EXPECT_NE(a.form, c.form);    // exact form is not
  EXPECT_NE(a.shape, c.shape);
  EXPECT_EQ(a.suffix[2], c.suffix[2]);
  EXPECT_TRUE(a.flags & kFlagUpperInitial);
  EXPECT_FALSE(c.flags & kFlagUpperInitial);

  std::vector<TokenInfo> toks(5);
  toks[0] = toks[1] = boundary_before();
  toks[2] = a;
  toks[3] = toks[4] = boundary_after();
  Context ctx;
  ctx.tok = toks.data() + 2;
  ctx.first = true;
  uint32_t f1[kMaxFeatures], f2[kMaxFeatures];
  int n1 = extract_features(ctx, f1);
  int n2 = extract_features(ctx, f2);
  ASSERT_EQ(n1, n2);
  for (int i = 0; i < n1; ++i) {
    EXPECT_EQ(f1[i], f2[i]);
    EXPECT_NE(f1[i], 0u);
  }
  // The hash is part of the model format: these values must never change without a new feature-set spec.
  EXPECT_EQ(a.lower, 0x78b2d119efbfa208ULL) << std::hex << a.lower;
  EXPECT_EQ(f1[0], 0xacc47e35u) << std::hex << f1[0];
  ctx.pass2 = true;  // the second pass adds the first pass's right-context tags
  EXPECT_GT(extract_features(ctx, f2), n1);
}

// Word classes of a toy corpus: animals ("the X barked") and verbs ("we Y quickly") in disjoint contexts.
text::WordClusters toy_clusters() {
  std::vector<std::vector<uint64_t>> corpus;
  for (int rep = 0; rep < 5; ++rep)
    for (const char* animal : {"dog", "cat", "fox"})
      for (const char* verb : {"ran", "sang", "hid"}) {
        corpus.push_back({text::word_class_key("the"), text::word_class_key(animal), text::word_class_key("barked")});
        corpus.push_back({text::word_class_key("we"), text::word_class_key(verb), text::word_class_key("quickly")});
      }
  text::ClusterOptions o;
  o.coarse = 6;
  o.fine = 8;
  o.min_count = 2;
  return text::WordClusters::train(corpus, o, nullptr);
}

TEST(Features, WordClassesOfTheWindow) {
  std::vector<TokenInfo> toks(5);
  toks[0] = toks[1] = boundary_before();
  compute_token_info("Protesters", toks[2]);
  toks[3] = toks[4] = boundary_after();
  EXPECT_EQ(toks[2].class_key, text::word_class_key("protesters"));  // lower case, the parser's key
  TokenInfo digits;
  compute_token_info("1999", digits);
  EXPECT_EQ(digits.class_key, text::word_class_key("2024"));
  Context ctx;
  ctx.tok = toks.data() + 2;
  uint32_t before[kMaxFeatures], after[kMaxFeatures];
  const int n = extract_features(ctx, before);
  auto changed = [&]() {
    EXPECT_EQ(extract_features(ctx, after), n);
    int differ = 0;
    for (int i = 0; i < n; ++i) differ += before[i] != after[i];
    return differ;
  };
  // The word's fine class feeds f0, t-1f0, f0sfx2, f0f+1 and f0shape; its coarse class c0 and c0amb.
  toks[2].fine = 17;
  EXPECT_EQ(changed(), 5);
  toks[2].fine = 0;
  toks[2].coarse = 3;
  EXPECT_EQ(changed(), 2);
  toks[2].coarse = 0;
  // The next word's classes: f+1 and f0f+1 (fine), c+1 (coarse).
  toks[3].fine = 5;
  toks[3].coarse = 2;
  EXPECT_EQ(changed(), 3);
}

TEST(Tagger, LooksUpItsOwnWordClasses) {
  TaggerImpl impl;
  impl.clusters = toy_clusters();
  impl.index_clusters();
  ASSERT_EQ(impl.clusters.size(), 10u);  // 3 animals, 3 verbs and 4 context words
  TokenInfo dog, cat, ran, unseen;
  uint8_t sole = 0;
  for (auto [form, info] : {std::pair{"Dog", &dog}, {"cat", &cat}, {"RAN", &ran}, {"zebra", &unseen}}) {
    compute_token_info(form, *info);
    impl.lookup(form, *info, sole);
  }
  EXPECT_NE(dog.coarse, 0);
  EXPECT_EQ(dog.coarse, impl.clusters.coarse(text::word_class_key("dog")));
  EXPECT_EQ(dog.fine, impl.clusters.fine(text::word_class_key("dog")));
  EXPECT_EQ(dog.coarse, cat.coarse);  // same contexts, same class
  EXPECT_NE(dog.coarse, ran.coarse);
  EXPECT_EQ(unseen.coarse, 0);
  EXPECT_EQ(unseen.fine, 0);
}

TEST(Tagger, StoresTheWordClassesItWasTrainedWith) {
  // Given classes travel inside tagger.model; another "parser.clusters" in the container does not change tagging.
  TrainOptions o = fixture_options();
  o.clusters = toy_clusters();
  ContainerWriter writer("model.en", "test");
  std::ostringstream log;
  ASSERT_TRUE(train(fixture(), {}, o, writer, log).is_ok());
  writer.add("parser.clusters", text::WordClusters().serialize(), false);
  auto reader = ContainerReader::from_bytes(writer.serialize(), "model.en", "with classes");
  ASSERT_TRUE(reader.is_ok());
  auto tagger = Tagger::load(*reader);
  ASSERT_TRUE(tagger.is_ok()) << tagger.status().to_string();
  EXPECT_NE(tagger->describe().find("word classes 10 words"), std::string::npos) << tagger->describe();
  Accuracy a = tagger->evaluate(fixture());
  EXPECT_EQ(a.upos, a.tokens);
  // Without given classes, training clusters the fixture's own forms (its frequent words get classes).
  EXPECT_EQ(load_fixture_model().describe().find("word classes 0 words"), std::string::npos)
      << load_fixture_model().describe();
}

TEST(Tagger, LearnsFixtureCompletely) {
  Tagger tagger = load_fixture_model();
  Accuracy a = tagger.evaluate(fixture());
  EXPECT_GT(a.tokens, 350u);
  EXPECT_EQ(a.upos, a.tokens);
  EXPECT_EQ(a.xpos, a.tokens);
  EXPECT_EQ(a.feats, a.tokens);
  EXPECT_EQ(a.lemma, a.tokens);
}

TEST(Tagger, TwoPassModelLearnsFixture) {
  TrainOptions o = fixture_options();
  o.passes = 2;
  o.jackknife_folds = 2;
  ContainerWriter writer("model.en", "test");
  std::ostringstream log;
  ASSERT_TRUE(train(fixture(), {}, o, writer, log).is_ok());
  auto reader = ContainerReader::from_bytes(writer.serialize(), "model.en", "two-pass");
  ASSERT_TRUE(reader.is_ok());
  auto tagger = Tagger::load(*reader);
  ASSERT_TRUE(tagger.is_ok()) << tagger.status().to_string();
  EXPECT_NE(tagger->describe().find("passes 2"), std::string::npos);
  Accuracy a = tagger->evaluate(fixture());
  EXPECT_EQ(a.upos, a.tokens);
  EXPECT_EQ(a.xpos, a.tokens);
}

TEST(Tagger, AveragedRunsAreDeterministicAndLearnTheFixture) {
  TrainOptions o = fixture_options();
  o.runs = 3;
  auto train_bytes = [&] {
    ContainerWriter writer("model.en", "test");
    std::ostringstream log;
    EXPECT_TRUE(train(fixture(), {}, o, writer, log).is_ok());
    return writer.serialize();
  };
  const std::string bytes = train_bytes();
  EXPECT_EQ(bytes, train_bytes());
  EXPECT_NE(bytes, fixture_model_bytes());  // the mean of three orders is another model than one order
  auto reader = ContainerReader::from_bytes(bytes, "model.en", "runs");
  ASSERT_TRUE(reader.is_ok());
  auto tagger = Tagger::load(*reader);
  ASSERT_TRUE(tagger.is_ok()) << tagger.status().to_string();
  Accuracy a = tagger->evaluate(fixture());
  EXPECT_EQ(a.upos, a.tokens);
  EXPECT_EQ(a.xpos, a.tokens);
  o.runs = 0;
  ContainerWriter writer("model.en", "test");
  std::ostringstream log;
  EXPECT_EQ(train(fixture(), {}, o, writer, log).code(), Code::kUsage);
}

TEST(Tagger, TrainingIsDeterministic) {
  ContainerWriter writer("model.en", "test");
  std::ostringstream log;
  ASSERT_TRUE(train(fixture(), {}, fixture_options(), writer, log).is_ok());
  EXPECT_EQ(writer.serialize(), fixture_model_bytes());
}

TEST(Tagger, SaveLoadRoundTripGivesIdenticalPredictions) {
  Tagger first = load_fixture_model();
  Tagger second = load_fixture_model();
  auto docs = fixture();
  auto data = read_file(kFixture);
  doc::ConlluReadOptions bare;
  bare.keep_annotations = false;
  auto plain = doc::read_conllu(*data, bare);
  ASSERT_TRUE(plain.is_ok());
  doc::Document a = plain->at(0), b = plain->at(0);
  first.annotate(a);
  second.annotate(b);
  ASSERT_TRUE(a.has(doc::kLayerTags | doc::kLayerLemmas));
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (size_t t = 0; t < a.tokens.size(); ++t) {
    EXPECT_EQ(a.tokens.upos[t], b.tokens.upos[t]);
    EXPECT_EQ(a.xpos(t), b.xpos(t));
    EXPECT_EQ(a.feats(t), b.feats(t));
    EXPECT_EQ(a.lemma(t), b.lemma(t));
    EXPECT_EQ(a.xpos(t), docs[0].xpos(t));
    EXPECT_EQ(a.lemma(t), docs[0].lemma(t));
  }
}

TEST(Tagger, DocumentWithoutSentencesIsOneSequence) {
  Tagger tagger = load_fixture_model();
  auto data = read_file(kFixture);
  doc::ConlluReadOptions bare;
  bare.keep_annotations = false;
  auto plain = doc::read_conllu(*data, bare);
  ASSERT_TRUE(plain.is_ok());
  doc::Document d = plain->at(0);
  d.sentences.clear();
  tagger.annotate(d);
  size_t tagged = 0;
  for (size_t t = 0; t < d.tokens.size(); ++t) tagged += d.tokens.upos[t] != doc::UPos::kNone;
  EXPECT_EQ(tagged, d.tokens.size());
}

TEST(Tagger, RejectsOtherSectionVersion) {
  auto reader = ContainerReader::from_bytes(fixture_model_bytes(), "model.en", "fixture");
  ASSERT_TRUE(reader.is_ok());
  // Version 1 is the model before word classes; a later version is a model from a newer casus.
  for (uint32_t other : {kTaggerSectionVersion - 1, kTaggerSectionVersion + 1}) {
    std::string section(*reader->section("tagger.model"));
    section[0] = static_cast<char>(other);
    auto bad = ContainerReader::from_bytes(with_section(fixture_model_bytes(), "tagger.model", section), "model.en",
                                           "fixture");
    ASSERT_TRUE(bad.is_ok());
    auto tagger = Tagger::load(*bad);
    ASSERT_FALSE(tagger.is_ok());
    EXPECT_EQ(tagger.status().code(), Code::kModelVersion);
    EXPECT_NE(tagger.status().message().find("tagger.model has version " + std::to_string(other)), std::string::npos)
        << tagger.status().message();
    EXPECT_NE(tagger.status().message().find("reads version " + std::to_string(kTaggerSectionVersion)),
              std::string::npos);
  }

  std::string lemma(*reader->section("lemma.model"));
  lemma[0] = 9;
  auto bad_lemma = ContainerReader::from_bytes(with_section(fixture_model_bytes(), "lemma.model", lemma), "model.en",
                                               "fixture");
  auto t2 = Tagger::load(*bad_lemma);
  ASSERT_FALSE(t2.is_ok());
  EXPECT_EQ(t2.status().code(), Code::kModelVersion);
  EXPECT_NE(t2.status().message().find("lemma.model"), std::string::npos);
}

TEST(Tagger, SelfTestCatchesABuildThatTagsDifferently) {
  auto reader = ContainerReader::from_bytes(fixture_model_bytes(), "model.en", "fixture");
  std::string section(*reader->section("tagger.selftest"));
  // Corrupt one expected lemma (the last string of the section) as a drifted build would see it.
  section[section.size() - 1] = static_cast<char>(section[section.size() - 1] ^ 0x20);
  auto bad = ContainerReader::from_bytes(with_section(fixture_model_bytes(), "tagger.selftest", section),
                                         "model.en", "fixture");
  auto tagger = Tagger::load(*bad);
  ASSERT_FALSE(tagger.is_ok());
  EXPECT_EQ(tagger.status().code(), Code::kModelSelfTest);
  EXPECT_NE(tagger.status().message().find("self-test sentence 6"), std::string::npos)
      << tagger.status().message();
}

TEST(Tagger, RejectsOtherFeatureSet) {
  auto reader = ContainerReader::from_bytes(fixture_model_bytes(), "model.en", "fixture");
  std::string section(*reader->section("tagger.model"));
  section[4] = static_cast<char>(section[4] ^ 0x55);  // first byte of the feature-set hash
  auto bad = ContainerReader::from_bytes(with_section(fixture_model_bytes(), "tagger.model", section), "model.en",
                                         "fixture");
  auto tagger = Tagger::load(*bad);
  ASSERT_FALSE(tagger.is_ok());
  EXPECT_EQ(tagger.status().code(), Code::kModelVersion);
  EXPECT_NE(tagger.status().message().find("feature set"), std::string::npos);
}

TEST(Tagger, RejectsTruncatedOrMissingSections) {
  auto reader = ContainerReader::from_bytes(fixture_model_bytes(), "model.en", "fixture");
  std::string section(*reader->section("tagger.model"));
  section.resize(section.size() / 2);
  auto bad = ContainerReader::from_bytes(with_section(fixture_model_bytes(), "tagger.model", section), "model.en",
                                         "fixture");
  auto tagger = Tagger::load(*bad);
  ASSERT_FALSE(tagger.is_ok());
  EXPECT_EQ(tagger.status().code(), Code::kModelCorrupt);

  ContainerWriter empty("model.en", "no tagger");
  empty.add("parser.model", "x", false);
  auto none = ContainerReader::from_bytes(empty.serialize(), "model.en", "empty");
  auto t2 = Tagger::load(*none);
  ASSERT_FALSE(t2.is_ok());
  EXPECT_EQ(t2.status().code(), Code::kModelCorrupt);
  EXPECT_NE(t2.status().message().find("tagger.model"), std::string::npos);
}

// Corrupted bytes anywhere in the sections give an error or a working model, never a crash (run under ASan).
TEST(Tagger, SurvivesByteFlips) {
  auto reader = ContainerReader::from_bytes(fixture_model_bytes(), "model.en", "fixture");
  for (const char* name : {"tagger.model", "lemma.model", "tagger.selftest"}) {
    const std::string original(*reader->section(name));
    uint64_t state = 12345;
    for (int trial = 0; trial < 25; ++trial) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      std::string bytes = original;
      size_t pos = static_cast<size_t>(state >> 33) % bytes.size();
      bytes[pos] = static_cast<char>(bytes[pos] ^ (1 + (state & 0x7F)));
      auto bad = ContainerReader::from_bytes(with_section(fixture_model_bytes(), name, bytes), "model.en", "flip");
      ASSERT_TRUE(bad.is_ok());
      auto tagger = Tagger::load(*bad);
      if (!tagger.is_ok()) continue;
      auto docs = fixture();
      tagger->annotate(docs[0]);
    }
  }
}

TEST(Lemmatizer, WordNetExceptionsAndRules) {
  if (!have_wordnet()) GTEST_SKIP() << "wordnet-base not installed";
  Tagger tagger = load_fixture_model();
  using doc::UPos;
  // Exceptions (went, mice are also in the fixture; geese, worse, ran only in WordNet).
  EXPECT_EQ(tagger.lemmatize("went", UPos::kVerb, "VBD"), "go");
  EXPECT_EQ(tagger.lemmatize("mice", UPos::kNoun, "NNS"), "mouse");
  EXPECT_EQ(tagger.lemmatize("better", UPos::kAdj, "JJR"), "good");
  EXPECT_EQ(tagger.lemmatize("geese", UPos::kNoun, "NNS"), "goose");
  EXPECT_EQ(tagger.lemmatize("worse", UPos::kAdj, "JJR"), "bad");
  EXPECT_EQ(tagger.lemmatize("ran", UPos::kVerb, "VBD"), "run");
  // An irregular past mis-tagged as a base form keeps its verb ("forces shot two men": shot/VBP).
  EXPECT_EQ(tagger.lemmatize("shot", UPos::kVerb, "VBP"), "shoot");
  EXPECT_EQ(tagger.lemmatize("fled", UPos::kVerb, "VBP"), "flee");
  // Detachment rules validated against the WordNet index.
  EXPECT_EQ(tagger.lemmatize("churches", UPos::kNoun, "NNS"), "church");
  EXPECT_EQ(tagger.lemmatize("walked", UPos::kVerb, "VBD"), "walk");
  EXPECT_EQ(tagger.lemmatize("Bombings", UPos::kNoun, "NNS"), "bombing");
  EXPECT_EQ(tagger.lemmatize("negotiating", UPos::kVerb, "VBG"), "negotiate");
  // Proper nouns keep their form; base forms of common words are lower-cased.
  EXPECT_EQ(tagger.lemmatize("Reuters", UPos::kPropn, "NNP"), "Reuters");
  EXPECT_EQ(tagger.lemmatize("Ceasefire", UPos::kNoun, "NN"), "ceasefire");
}

TEST(Lemmatizer, RulesFromTreebank) {
  EXPECT_EQ(derive_rule("went", "go"), (LemmaRule{kCaseLower, 4, "go"}));
  EXPECT_EQ(derive_rule("Talks", "talk"), (LemmaRule{kCaseLower, 1, ""}));
  EXPECT_EQ(derive_rule("Reuters", "Reuters"), (LemmaRule{kCaseKeep, 0, ""}));
  EXPECT_EQ(derive_rule("i", "I"), (LemmaRule{kCaseCapital, 0, ""}));
  std::string out;
  EXPECT_TRUE(apply_rule(LemmaRule{kCaseLower, 3, "y"}, "Casualties", out));
  EXPECT_EQ(out, "casualty");
  EXPECT_TRUE(apply_rule(LemmaRule{kCaseLower, 3, "y"}, "Parties", out));
  EXPECT_EQ(out, "party");
  EXPECT_FALSE(apply_rule(LemmaRule{kCaseLower, 9, ""}, "short", out));
  // The rule of "'s" → "be" (strip 2 bytes) must not cut the curly apostrophe of "’s" (E2 80 99 73) in half.
  EXPECT_FALSE(apply_rule(LemmaRule{kCaseLower, 2, "be"}, "\xE2\x80\x99s", out));
  EXPECT_TRUE(apply_rule(LemmaRule{kCaseLower, 2, "be"}, "'s", out));
  EXPECT_EQ(out, "be");

  // Without WordNet the treebank's suffix rules still lemmatize unseen plurals.
  Lemmatizer lem;
  for (const char* w : {"officials", "soldiers", "streets", "talks", "flags", "villages"}) {
    std::string form(w);
    lem.add_example(form, "NNS", form.substr(0, form.size() - 1));
  }
  lem.add_example("countries", "NNS", "country");
  lem.add_example("parties", "NNS", "party");
  lem.finish_training();
  std::string lower = "ministers";
  lem.lemmatize("Ministers", fnv1a64(lower), doc::UPos::kNoun, "NNS", out);
  EXPECT_EQ(out, "minister");
  lower = "casualties";
  lem.lemmatize("casualties", fnv1a64(lower), doc::UPos::kNoun, "NNS", out);
  EXPECT_EQ(out, "casualty");
}

}  // namespace
}  // namespace casus::tag
