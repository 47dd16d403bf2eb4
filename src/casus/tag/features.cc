#include "casus/tag/features.h"

#include "casus/util/hash.h"

namespace casus::tag {

namespace {

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

inline uint64_t fnv_step(uint64_t h, char c) {
  h ^= static_cast<uint8_t>(c);
  return h * 0x100000001b3ULL;
}

// Template ids: stable numbers (part of the format, see kFeatureSpec).
enum Template : uint64_t {
  kBias = 1, kWord, kForm, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3, kShape, kFlags,
  kAmb, kWordnet, kWordPrev1, kWordNext1, kWordPrev2, kWordNext2, kTagPrev1, kTagPrev2, kTagPrev12,
  kTagPrev1Word, kWordPrev1Word, kWordWordNext1, kSuffix3Prev1, kSuffix3Next1, kAmbNext1, kAmbNext2, kAmbPrev1,
  kTagPrev1AmbNext1, kShapePrev1, kShapeNext1, kTagPrev1WordNext1, kWordnetAmb, kFirstShape,
  kTagNext1, kTagNext2, kTagNext12, kTagPrev1Next1, kTagNext1Word,
  kShapeTri, kTagPrev1Suffix3, kSuffix5, kAmbAmbNext1, kTagPrev1Shape,
  kCoarse, kFine, kCoarsePrev1, kFinePrev1, kCoarseNext1, kFineNext1, kCoarsePrev2, kCoarseNext2,
  kTagPrev1Fine, kFineSuffix2, kFineFineNext1, kFineShape, kCoarseAmb, kTagNext1Fine,
};

// Class value of the sentence boundaries: no word has it (0 is a word without a class).
constexpr uint16_t kBoundaryClass = 0xFFFF;

inline uint32_t key(uint64_t templ, uint64_t value) {
  auto k = static_cast<uint32_t>(mix64(templ, value));
  return k ? k : 1;  // 0 marks an empty slot in the weight table
}
inline uint64_t pair(uint64_t a, uint64_t b) { return mix64(a, b); }

TokenInfo make_boundary(std::string_view marker) {
  TokenInfo t;
  uint64_t h = fnv1a64(marker);
  t.lower = t.form = t.shape = h;
  for (auto& s : t.suffix) s = h;
  t.suffix5 = h;
  for (auto& p : t.prefix) p = h;
  t.amb = 0x80000000u;  // a class no word has
  t.class_key = h;
  t.coarse = t.fine = kBoundaryClass;
  return t;
}

}  // namespace

const TokenInfo& boundary_before() {
  static const TokenInfo kBefore = make_boundary("<s>");
  return kBefore;
}
const TokenInfo& boundary_after() {
  static const TokenInfo kAfter = make_boundary("</s>");
  return kAfter;
}

void compute_token_info(std::string_view form, TokenInfo& info) {
  const size_t n = form.size();
  uint64_t lower = kFnvBasis, exact = kFnvBasis, shape = kFnvBasis;
  char last_shape = 0;
  int shape_run = 0;
  bool digit = false, hyphen = false, upper_initial = false, all_upper = n > 0, has_lower = false,
       punct_only = n > 0;
  for (size_t i = 0; i < n; ++i) {
    char c = form[i];
    char lc = ascii_lower(c);
    exact = fnv_step(exact, c);
    lower = fnv_step(lower, lc);
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
      if (i == 0) upper_initial = true;
      punct_only = false;
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
      all_upper = false;
      has_lower = true;
      punct_only = false;
    } else if (c >= '0' && c <= '9') {
      s = 'd';
      digit = true;
      punct_only = false;
    } else if (static_cast<uint8_t>(c) >= 0x80) {
      s = 'u';  // any byte of a non-ASCII character
      punct_only = false;
    } else {
      s = c;
      if (c == '-') hyphen = true;
    }
    if (!(c >= 'A' && c <= 'Z')) all_upper = all_upper && !(s == 'x' || s == 'u');
    // Collapse runs longer than two ("Xxxxx" → "Xxx"), the usual word-shape feature.
    if (s == last_shape) {
      if (++shape_run > 2) continue;
    } else {
      last_shape = s;
      shape_run = 1;
    }
    shape = fnv_step(shape, s);
  }
  info.lower = lower;
  info.form = exact;
  info.shape = shape;
  for (int k = 1; k <= 4; ++k) {
    size_t len = static_cast<size_t>(k) < n ? static_cast<size_t>(k) : n;
    uint64_t h = kFnvBasis;
    for (size_t i = n - len; i < n; ++i) h = fnv_step(h, ascii_lower(form[i]));
    info.suffix[k - 1] = h;
  }
  {
    size_t len = n < 5 ? n : 5;
    uint64_t h = kFnvBasis;
    for (size_t i = n - len; i < n; ++i) h = fnv_step(h, ascii_lower(form[i]));
    info.suffix5 = h;
  }
  for (int k = 1; k <= 3; ++k) {
    size_t len = static_cast<size_t>(k) < n ? static_cast<size_t>(k) : n;
    uint64_t h = kFnvBasis;
    for (size_t i = 0; i < len; ++i) h = fnv_step(h, ascii_lower(form[i]));
    info.prefix[k - 1] = h;
  }
  uint8_t flags = 0;
  if (digit) flags |= kFlagDigit;
  if (hyphen) flags |= kFlagHyphen;
  if (upper_initial) flags |= kFlagUpperInitial;
  if (all_upper && upper_initial) flags |= kFlagAllUpper;
  if (has_lower) flags |= kFlagHasLower;
  if (punct_only) flags |= kFlagPunctOnly;
  info.flags = flags;
  info.class_key = text::word_class_key(form);
}

int extract_features(const Context& ctx, uint32_t* out) {
  const TokenInfo& w = ctx.tok[0];
  const TokenInfo& p1 = ctx.tok[-1];
  const TokenInfo& p2 = ctx.tok[-2];
  const TokenInfo& n1 = ctx.tok[1];
  const TokenInfo& n2 = ctx.tok[2];
  int k = 0;
  out[k++] = key(kBias, 0);
  out[k++] = key(kWord, w.lower);
  out[k++] = key(kForm, w.form);
  out[k++] = key(kSuffix1, w.suffix[0]);
  out[k++] = key(kSuffix2, w.suffix[1]);
  out[k++] = key(kSuffix3, w.suffix[2]);
  out[k++] = key(kSuffix4, w.suffix[3]);
  out[k++] = key(kPrefix1, w.prefix[0]);
  out[k++] = key(kPrefix2, w.prefix[1]);
  out[k++] = key(kPrefix3, w.prefix[2]);
  out[k++] = key(kShape, w.shape);
  out[k++] = key(kFlags, w.flags);
  out[k++] = key(kAmb, w.amb);
  out[k++] = key(kWordnet, w.wordnet);
  out[k++] = key(kWordPrev1, p1.lower);
  out[k++] = key(kWordNext1, n1.lower);
  out[k++] = key(kWordPrev2, p2.lower);
  out[k++] = key(kWordNext2, n2.lower);
  out[k++] = key(kTagPrev1, ctx.t1);
  out[k++] = key(kTagPrev2, ctx.t2);
  out[k++] = key(kTagPrev12, pair(ctx.t1, ctx.t2));
  out[k++] = key(kTagPrev1Word, pair(ctx.t1, w.lower));
  out[k++] = key(kWordPrev1Word, pair(p1.lower, w.lower));
  out[k++] = key(kWordWordNext1, pair(w.lower, n1.lower));
  out[k++] = key(kSuffix3Prev1, p1.suffix[2]);
  out[k++] = key(kSuffix3Next1, n1.suffix[2]);
  out[k++] = key(kAmbNext1, n1.amb);
  out[k++] = key(kAmbNext2, n2.amb);
  out[k++] = key(kAmbPrev1, p1.amb);
  out[k++] = key(kTagPrev1AmbNext1, pair(ctx.t1, n1.amb));
  out[k++] = key(kShapePrev1, p1.shape);
  out[k++] = key(kShapeNext1, n1.shape);
  out[k++] = key(kTagPrev1WordNext1, pair(ctx.t1, n1.lower));
  out[k++] = key(kWordnetAmb, pair(w.wordnet, w.amb));
  out[k++] = key(kFirstShape, pair(ctx.first ? 1 : 0, w.shape));
  out[k++] = key(kShapeTri, pair(p1.shape, pair(w.shape, n1.shape)));
  out[k++] = key(kTagPrev1Suffix3, pair(ctx.t1, w.suffix[2]));
  out[k++] = key(kSuffix5, w.suffix5);
  out[k++] = key(kAmbAmbNext1, pair(w.amb, n1.amb));
  out[k++] = key(kTagPrev1Shape, pair(ctx.t1, w.shape));
  // Word classes: distributional evidence for words the treebank saw rarely (the lexicon's unknown words, title-case
  // names, -ing/-ed forms), and classes of the neighbours where their forms are sparse.
  out[k++] = key(kCoarse, w.coarse);
  out[k++] = key(kFine, w.fine);
  out[k++] = key(kCoarsePrev1, p1.coarse);
  out[k++] = key(kFinePrev1, p1.fine);
  out[k++] = key(kCoarseNext1, n1.coarse);
  out[k++] = key(kFineNext1, n1.fine);
  out[k++] = key(kCoarsePrev2, p2.coarse);
  out[k++] = key(kCoarseNext2, n2.coarse);
  out[k++] = key(kTagPrev1Fine, pair(ctx.t1, w.fine));
  out[k++] = key(kFineSuffix2, pair(w.fine, w.suffix[1]));
  out[k++] = key(kFineFineNext1, pair(w.fine, n1.fine));
  out[k++] = key(kFineShape, pair(w.fine, w.shape));
  out[k++] = key(kCoarseAmb, pair(w.coarse, w.amb));
  if (ctx.pass2) {
    // Second pass: the first pass's tags of the next words, alone and with the current word.
    out[k++] = key(kTagNext1, ctx.n1);
    out[k++] = key(kTagNext2, ctx.n2);
    out[k++] = key(kTagNext12, pair(ctx.n1, ctx.n2));
    out[k++] = key(kTagPrev1Next1, pair(ctx.t1, ctx.n1));
    out[k++] = key(kTagNext1Word, pair(ctx.n1, w.lower));
    out[k++] = key(kTagNext1Fine, pair(ctx.n1, w.fine));
  }
  return k;
}

}  // namespace casus::tag
