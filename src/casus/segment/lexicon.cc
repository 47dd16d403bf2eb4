#include "casus/segment/lexicon.h"

#include <array>
#include <utility>

namespace casus::segment {

namespace {

// Abbreviations that keep their final period as part of the token. Hand-written for news text (titles, months,
// days, US states, company suffixes) plus the forms UD English EWT train keeps with a period (CC BY-SA 4.0).
// Case matters ("Dr." vs "dr."); "No.", "Nos." and "no." count only before a number. Single capital letters ("J.") and dotted
// initialisms ("U.S.", "p.m.") are recognised by pattern, not listed.
constexpr std::string_view kAbbreviations[] = {
    // titles and ranks
    "Mr.", "Mrs.", "Ms.", "Mssrs.", "Messrs.", "Dr.", "Drs.", "Prof.", "Rev.", "Fr.", "Sr.", "Jr.", "St.", "Ste.",
    "Hon.", "Pres.", "Gov.", "Govs.", "Sen.", "Sens.", "Rep.", "Reps.", "Amb.", "Atty.", "Supt.", "Insp.", "Det.",
    "Lt.", "Col.", "Gen.", "Maj.", "Capt.", "Cpt.", "Cmdr.", "Cmdt.", "Adm.", "Sgt.", "Cpl.", "Pvt.", "Brig.",
    "Lieut.", "Spec.", "Ft.", "Mt.", "Msgr.", "Esq.", "Mme.", "Mlle.", "Gens.",
    // months and days
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Mon.",
    "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
    // companies and places
    "Inc.", "Corp.", "Co.", "Cos.", "Ltd.", "Bros.", "Assn.", "Assoc.", "Dept.", "Univ.", "Ave.", "Blvd.", "Rd.",
    "Hwy.", "Ln.", "Pl.", "Sq.", "Bldg.", "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.",
    "Ga.", "Ill.", "Ind.", "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.",
    "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Penn.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.", "Wis.",
    "Wyo.", "Que.", "Ont.", "Alta.",
    // Latin and general
    "etc.", "vs.", "v.", "viz.", "cf.", "ca.", "approx.", "esp.", "Esp.", "al.", "et.", "eg.", "ie.", "No.",
    "Nos.", "no.", "Vol.", "vol.", "Vols.", "pp.", "p.", "ed.", "eds.", "Ed.", "Fig.", "fig.", "Para.", "Sec.",
    "sec.", "Art.", "Ch.", "ch.", "min.", "mins.", "hr.", "hrs.", "yr.", "yrs.", "mo.", "wk.", "lb.", "lbs.",
    "oz.", "ft.", "mi.", "km.", "kg.", "Ph.", "Fax.", "Tel.", "tel.", "Mob.", "ext.", "Ext.", "Attn.",
    "attn.", "info.", "Arrv.", "arrv.", "lv.", "dept.", "est.", "Est.", "Conf.", "Sc.", "rep.", "rec.", "dom.",
    "govt.", "Govt.", "intl.", "Intl.", "natl.", "Natl.", "asst.", "Asst.", "mgr.", "Mgr.", "Dir.", "dir.",
    "Gov't.", "div.", "Div.", "Jos.", "Wm.", "Chas.", "Geo.", "Thos.", "Ref.", "ref.", "approx.", "appt.",
};

// Abbreviations written before a name or a number: a capitalised word after them is the name, not a new sentence.
constexpr std::string_view kTitles[] = {
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Mssrs.", "Dr.", "Drs.", "Prof.", "Rev.", "Fr.", "St.", "Hon.", "Pres.",
    "Gov.", "Govs.", "Sen.", "Sens.", "Rep.", "Reps.", "Amb.", "Atty.", "Supt.", "Insp.", "Det.", "Lt.", "Col.",
    "Gen.", "Gens.", "Maj.", "Capt.", "Cpt.", "Cmdr.", "Cmdt.", "Adm.", "Sgt.", "Cpl.", "Pvt.", "Brig.", "Lieut.",
    "Spec.", "Ft.", "Mt.", "Msgr.", "Mme.", "Mlle.", "No.", "Nos.", "Vol.", "Fig.", "Sec.", "Art.", "Ch.",
    "vs.", "v.", "cf.", "ca.", "approx.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
    "Sept.", "Oct.", "Nov.", "Dec.", "Wm.", "Chas.", "Geo.", "Thos.", "Jos.", "Attn.", "Ph.", "Tel.", "Fax.",
    "Mob.", "Ext.", "ext.", "Ste.", "Ave.", "Blvd.", "Rd.",
};

// Prefixes EWT keeps attached before a hyphen ("non-violent", "e-mail", "mid-1980s"); other letter-hyphen-letter
// words are split into three tokens ("well - informed").
constexpr std::string_view kHyphenPrefixes[] = {
    "e", "co", "non", "pre", "post", "pro", "ex", "multi", "re", "anti", "semi", "mid", "neo", "sub", "over",
    "cross", "counter", "couter", "intra", "inter", "arch", "psycho", "micro", "macro", "mini", "hyper", "ultra",
    "trans", "pseudo", "quasi", "bi", "tri", "un", "de", "mis", "out", "under", "extra", "infra", "supra",
    "socio", "geo", "bio", "eco", "euro", "afro", "uni", "vice", "x",
};

constexpr std::string_view kStarters[] = {
    "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "if", "when",
    "while", "after", "before", "as", "in", "on", "at", "for", "from", "with", "by", "of", "to", "since",
    "although", "though", "however", "meanwhile", "also", "then", "now", "still", "thus", "many", "most",
    "some", "all", "both", "each", "every", "no", "not", "one", "two", "what", "who", "why", "how", "where",
    "which", "please", "thanks", "thank", "yes", "also", "other", "another", "such", "do", "does", "did",
    "is", "are", "was", "were", "have", "has", "had", "can", "could", "will", "would", "should", "may",
    "might", "let", "just", "even", "because", "mr.", "mrs.", "ms.", "dr.", "according", "earlier", "later",
};

// Contractions written without an apostrophe and how EWT splits them (byte length of the first word).
constexpr std::pair<std::string_view, size_t> kContractions[] = {
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"outta", 3}, {"dont", 2}, {"doesnt", 4},
    {"didnt", 3}, {"wont", 2}, {"cant", 2}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"isnt", 2},
    {"arent", 3}, {"wasnt", 3}, {"werent", 4}, {"havent", 4}, {"hasnt", 3}, {"hadnt", 3}, {"aint", 2},
    {"im", 1}, {"ive", 1}, {"youre", 3}, {"theyre", 4}, {"thats", 4}, {"whats", 4}, {"theres", 5},
    {"youll", 3}, {"itll", 2}, {"sorta", 4},
};

}  // namespace

WordLists::WordLists() {
  for (auto s : kAbbreviations) abbreviations_.insert(s);
  for (auto s : kTitles) titles_.insert(s);
  for (auto s : kHyphenPrefixes) prefixes_.insert(s);
  for (auto s : kStarters) starters_.insert(s);
  for (const auto& [word, split] : kContractions) contractions_.emplace(word, split);
}

const WordLists& word_lists() {
  static const WordLists kLists;
  return kLists;
}

bool WordLists::is_abbreviation(std::string_view w) const { return abbreviations_.count(w) != 0; }
bool WordLists::is_title(std::string_view w) const { return titles_.count(w) != 0; }
bool WordLists::is_hyphen_prefix(std::string_view w) const { return prefixes_.count(w) != 0; }
bool WordLists::is_sentence_starter(std::string_view w) const { return starters_.count(w) != 0; }

size_t WordLists::contraction_split(std::string_view w) const {
  auto it = contractions_.find(w);
  return it == contractions_.end() ? 0 : it->second;
}

}  // namespace casus::segment
