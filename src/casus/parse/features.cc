#include "casus/parse/features.h"

#include <algorithm>
#include <string>

#include "casus/text/utf8.h"
#include "casus/util/hash.h"

namespace casus::parse {

namespace {

constexpr uint64_t kNoneAtom = 0x6e6f6e65ULL;  // "none": empty position
constexpr uint64_t kRootWord = 0x726f6f74ULL;  // "root"

// One combination step; cheaper than mix64 per atom and still well spread after the final mix64.
inline uint64_t step(uint64_t h, uint64_t v) { return (h ^ v) * 0x9e3779b97f4a7c15ULL + (h >> 29); }

class Emitter {
 public:
  explicit Emitter(std::vector<uint64_t>& out) : out_(out) {}
  void f(uint32_t tid, uint64_t a) { emit(step(tid, a)); }
  void f(uint32_t tid, uint64_t a, uint64_t b) { emit(step(step(tid, a), b)); }
  void f(uint32_t tid, uint64_t a, uint64_t b, uint64_t c) { emit(step(step(step(tid, a), b), c)); }
  void f(uint32_t tid, uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    emit(step(step(step(step(tid, a), b), c), d));
  }

 private:
  void emit(uint64_t h) {
    h = mix64(h, 0x7061727365ULL);
    out_.push_back(h == 0 ? 1 : h);  // 0 marks an empty slot in the weights table
  }
  std::vector<uint64_t>& out_;
};

}  // namespace

uint64_t feature_set_hash() { return fnv1a64(kFeatureSetName); }

uint64_t word_hash(std::string_view form) { return text::word_class_key(form); }

void build_atoms(const doc::Document& doc, doc::TokenIdx first, doc::TokenIdx last, const WordClusters& clusters,
                 SentenceAtoms& atoms) {
  const int n = static_cast<int>(last - first);
  atoms.word.resize(n + 1);
  atoms.coarse.resize(n + 1);
  atoms.fine.resize(n + 1);
  atoms.upos.resize(n + 1);
  atoms.feats.resize(n + 1);
  atoms.tag.resize(n + 1);
  atoms.lemma.resize(n + 1);
  const bool has_tags = doc.has(doc::kLayerTags);
  const bool has_lemmas = doc.has(doc::kLayerLemmas);
  std::string folded;
  for (int i = 0; i < n; ++i) {
    doc::TokenIdx t = first + i;
    // Typographic punctuation hashes as the treebank's ASCII (’s → 's), like the tagger's input.
    std::string_view form = doc.form(t);
    if (text::fold_typography(form, folded)) form = folded;
    atoms.word[i] = word_hash(form);
    std::string_view xpos = has_tags ? doc.xpos(t) : std::string_view();
    if (xpos.empty() || xpos == "_") xpos = doc::upos_name(doc.tokens.upos[t]);
    atoms.tag[i] = fnv1a64(xpos) | 1;
    atoms.upos[i] = mix64(has_tags ? static_cast<uint64_t>(doc.tokens.upos[t]) : 0, 0x75706f73ULL);
    atoms.feats[i] = has_tags ? fnv1a64(doc.feats(t), 0x6665617473ULL) : 0;
    std::string_view lemma = has_lemmas ? doc.lemma(t) : std::string_view();
    atoms.lemma[i] = (lemma.empty() || lemma == "_") ? atoms.word[i] : word_hash(lemma);
    // Spread the small class ids over 64 bits: `step` XORs an atom into the template id, so small integers in
    // the first atom position would make templates collide (template 160 with class 4 = template 164 with 0).
    atoms.coarse[i] = mix64(clusters.coarse(atoms.word[i]), 0x636f61727365ULL);
    atoms.fine[i] = mix64(clusters.fine(atoms.word[i]), 0x66696e65ULL);
  }
  atoms.word[n] = kRootWord;
  atoms.tag[n] = kRootWord;
  atoms.lemma[n] = kRootWord;
  atoms.upos[n] = kRootWord;
  atoms.feats[n] = kRootWord;
  atoms.coarse[n] = kRootWord;
  atoms.fine[n] = kRootWord;
}

void extract_features(const State& st, const SentenceAtoms& a, std::vector<uint64_t>& out) {
  out.clear();
  Emitter e(out);
  auto W = [&](int i) { return i == kNone ? kNoneAtom : a.word[i]; };
  auto P = [&](int i) { return i == kNone ? kNoneAtom : a.tag[i]; };
  auto L = [&](int i) { return i == kNone ? kNoneAtom : a.lemma[i]; };
  auto U = [&](int i) { return i == kNone ? kNoneAtom : a.upos[i]; };
  auto FE = [&](int i) { return i == kNone ? kNoneAtom : a.feats[i]; };
  auto C = [&](int i) { return i == kNone ? kNoneAtom : a.coarse[i]; };
  auto F = [&](int i) { return i == kNone ? kNoneAtom : a.fine[i]; };
  auto D = [&](int i) -> uint64_t { return i == kNone ? 255 : static_cast<uint64_t>(st.label(i)) + 1; };
  auto l1 = [&](int i) { return i == kNone ? kNone : st.left1(i); };
  auto l2 = [&](int i) { return i == kNone ? kNone : st.left2(i); };
  auto r1 = [&](int i) { return i == kNone ? kNone : st.right1(i); };
  auto r2 = [&](int i) { return i == kNone ? kNone : st.right2(i); };
  auto VL = [&](int i) -> uint64_t { return i == kNone ? 99 : static_cast<uint64_t>(st.n_left(i)); };
  auto VR = [&](int i) -> uint64_t { return i == kNone ? 99 : static_cast<uint64_t>(st.n_right(i)); };
  auto LS = [&](int i) -> uint64_t { return i == kNone ? 1 : st.left_labels(i) * 2 + 2; };
  auto RS = [&](int i) -> uint64_t { return i == kNone ? 1 : st.right_labels(i) * 2 + 2; };
  const int n = st.size();
  // Distance in tokens, ROOT at position -1, bucketed above 5.
  auto dist = [&](int x, int y) -> uint64_t {
    if (x == kNone || y == kNone) return 99;
    int px = x == n ? -1 : x, py = y == n ? -1 : y;
    int d = std::abs(py - px);
    return d <= 5 ? d : (d <= 10 ? 6 : 7);
  };

  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.b(0), b1 = st.b(1), b2 = st.b(2), b3 = st.b(3);
  const uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0);
  const uint64_t b1w = W(b1), b1p = P(b1), b2p = P(b2), s2p = P(s2);
  const int s0l = l1(s0), s0l2 = l2(s0), s0r = r1(s0), s0r2 = r2(s0);
  const int s1l = l1(s1), s1r = r1(s1), s1r2 = r2(s1), b0l = l1(b0), b0l2 = l2(b0);

  e.f(0, 1);  // bias
  // Unigrams.
  e.f(1, s0w); e.f(2, s0p); e.f(3, s0w, s0p);
  e.f(4, s1w); e.f(5, s1p); e.f(6, s1w, s1p);
  e.f(7, b0w); e.f(8, b0p); e.f(9, b0w, b0p);
  e.f(10, b1w); e.f(11, b1p); e.f(12, b1w, b1p);
  e.f(13, b2p); e.f(14, W(b2), b2p); e.f(15, s2p); e.f(16, W(s2), s2p); e.f(17, P(b3));
  e.f(18, L(s0)); e.f(19, L(s1)); e.f(20, L(b0)); e.f(21, L(b1));
  // Pairs (s0, b0).
  e.f(30, s0w, s0p, b0w, b0p); e.f(31, s0w, s0p, b0w); e.f(32, s0w, b0w, b0p); e.f(33, s0w, s0p, b0p);
  e.f(34, s0p, b0w, b0p); e.f(35, s0w, b0w); e.f(36, s0p, b0p); e.f(37, L(s0), L(b0));
  // Pairs (s1, s0).
  e.f(40, s1w, s1p, s0w, s0p); e.f(41, s1w, s1p, s0w); e.f(42, s1w, s0w, s0p); e.f(43, s1w, s1p, s0p);
  e.f(44, s1p, s0w, s0p); e.f(45, s1w, s0w); e.f(46, s1p, s0p); e.f(47, L(s1), L(s0));
  // Tag n-grams.
  e.f(50, b0p, b1p); e.f(51, b0p, b1p, b2p); e.f(52, s0p, b0p, b1p); e.f(53, s1p, s0p, b0p);
  e.f(54, s2p, s1p, s0p); e.f(55, s1p, s0p, b1p); e.f(56, s0w, b0p, b1p); e.f(57, s0p, b0w, b1p);
  e.f(58, s1p, s0w, b0p); e.f(59, s2p, s1p, s0p, b0p);
  // Children.
  e.f(60, s0p, P(s0l), b0p); e.f(61, s0p, P(s0r), b0p); e.f(62, s0p, b0p, P(b0l));
  e.f(63, s1p, s0p, P(s0l)); e.f(64, s1p, s0p, P(s0r)); e.f(65, s1p, P(s1r), s0p); e.f(66, s1p, P(s1l), s0p);
  e.f(67, s0p, P(s0l), P(s0l2)); e.f(68, s0p, P(s0r), P(s0r2)); e.f(69, b0p, P(b0l), P(b0l2));
  e.f(70, s1p, P(s1r), P(s1r2));
  // Child unigrams with labels.
  e.f(80, W(s0l)); e.f(81, P(s0l)); e.f(82, D(s0l));
  e.f(83, W(s0r)); e.f(84, P(s0r)); e.f(85, D(s0r));
  e.f(86, W(b0l)); e.f(87, P(b0l)); e.f(88, D(b0l));
  e.f(89, W(s1l)); e.f(90, P(s1l)); e.f(91, D(s1l));
  e.f(92, W(s1r)); e.f(93, P(s1r)); e.f(94, D(s1r));
  e.f(95, P(s0l2), D(s0l2)); e.f(96, P(s0r2), D(s0r2)); e.f(97, P(b0l2), D(b0l2));
  e.f(98, s0p, D(s0l), D(s0l2)); e.f(99, s0p, D(s0r), D(s0r2)); e.f(100, b0p, D(b0l), D(b0l2));
  // (Stack nodes never have a head in arc-hybrid, so no head-label templates for s0/s1.)
  e.f(103, s1p, D(s1r), s0p);
  // Distances.
  const uint64_t d0 = dist(s0, b0), d1 = dist(s1, s0);
  e.f(110, s0w, d0); e.f(111, s0p, d0); e.f(112, b0w, d0); e.f(113, b0p, d0); e.f(114, s0w, b0w, d0);
  e.f(115, s0p, b0p, d0); e.f(116, s1w, d1); e.f(117, s1p, d1); e.f(118, s0w, d1); e.f(119, s0p, d1);
  e.f(120, s1w, s0w, d1); e.f(121, s1p, s0p, d1);
  // Valency.
  e.f(130, s0w, VL(s0)); e.f(131, s0p, VL(s0)); e.f(132, s0w, VR(s0)); e.f(133, s0p, VR(s0));
  e.f(134, b0w, VL(b0)); e.f(135, b0p, VL(b0)); e.f(136, s1w, VR(s1)); e.f(137, s1p, VR(s1));
  e.f(138, s1w, VL(s1)); e.f(139, s1p, VL(s1));
  // Label sets.
  e.f(140, s0w, LS(s0)); e.f(141, s0p, LS(s0)); e.f(142, s0w, RS(s0)); e.f(143, s0p, RS(s0));
  e.f(144, b0w, LS(b0)); e.f(145, b0p, LS(b0)); e.f(146, s1w, RS(s1)); e.f(147, s1p, RS(s1));
  e.f(148, s1p, LS(s1));
  // Whether the buffer is empty matters for attaching to ROOT.
  e.f(150, b0 == kNone ? 1 : 0, s1 == n ? 1 : 0, s0p);
  // Word classes (text/word_clusters.h): the templates above with classes in place of words and tags, where the word is
  // too sparse and the predicted tag may be wrong.
  const uint64_t s0c = C(s0), s1c = C(s1), b0c = C(b0), b1c = C(b1), s0f = F(s0), s1f = F(s1), b0f = F(b0);
  e.f(160, s0f); e.f(161, b0f); e.f(162, s1f); e.f(163, F(b1));
  e.f(164, s0c); e.f(165, b0c); e.f(166, s1c); e.f(167, b1c); e.f(168, C(b2)); e.f(169, C(s2));
  e.f(170, s0f, b0f); e.f(171, s0c, b0c); e.f(172, s0c, b0p); e.f(173, s0p, b0c); e.f(174, s0f, b0p);
  e.f(175, s0p, b0f); e.f(176, s0c, b0c, d0);
  e.f(180, s1f, s0f); e.f(181, s1c, s0c); e.f(182, s1c, s0p); e.f(183, s1p, s0c); e.f(184, s1f, s0p);
  e.f(185, s1p, s0f); e.f(186, s1c, s0c, d1);
  e.f(190, s0c, b0c, b1c); e.f(191, s1c, s0c, b0c); e.f(192, s0p, b0c, b1p);
  // UPOS and morphological features beside XPOS.
  const uint64_t s0u = U(s0), s1u = U(s1), b0u = U(b0), b1u = U(b1);
  e.f(200, s0u); e.f(201, b0u); e.f(202, s1u); e.f(203, b1u); e.f(204, s0u, b0u); e.f(205, s1u, s0u);
  e.f(206, s0u, b0u, b1u); e.f(207, s1u, s0u, b0u); e.f(208, FE(s0)); e.f(209, FE(b0)); e.f(210, FE(s1));
  e.f(211, FE(s0), b0u); e.f(212, s0w, b0u); e.f(213, s0u, b0w);
  // The two candidate heads of s0 side by side: LEFT attaches s0 to b0, RIGHT to s1.
  const uint64_t d2 = dist(s1, b0);
  e.f(220, s1w, s0p, b0p); e.f(221, s1p, s0w, b0p); e.f(222, s1p, s0p, b0w); e.f(223, s1p, s0p, b0p, d2);
  e.f(224, s1c, s0c, b0p); e.f(225, s1p, s0c, b0c); e.f(226, s1c, s0p, b0c); e.f(227, L(s1), s0p, L(b0));
  e.f(228, s0p, D(s0l), D(s0r), b0p); e.f(229, s0p, LS(s0), RS(s0));
  e.f(193, s0c, C(s0l), b0c); e.f(194, s0c, C(s0r), b0c); e.f(195, b0c, C(b0l)); e.f(196, s1c, C(s1r), s0c);
}

}  // namespace casus::parse
