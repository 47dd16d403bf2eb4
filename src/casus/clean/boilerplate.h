// Page furniture that survives text extraction: loading spinners, photo credits, "Read more" teasers,
// subscribe/share/follow lines, advertisement labels, bylines, reporting credits, copyright lines, view
// counters. Line-level decisions; each rule is anchored (start of line, whole line, or end of line) and limited
// to short lines so that a sentence of the story that merely contains "share" or "photo" is never dropped.
#pragma once

#include <string>
#include <string_view>

namespace casus::clean {

enum class LineKind : uint8_t {
  kText = 0,      // keep
  kLoading,       // "loading…", "Please wait"
  kPhotoCredit,   // "Photo: Ahmad Gharabli/AFP", "(AP Photo/Hussein Malla)", "REUTERS/Mohammed Salem"
  kTeaser,        // "Read more: …", "Read also", "Related:", "Recommended"
  kSocial,        // "Share this article", "Follow us on X", "Subscribe to our newsletter", "Click here"
  kAdvert,        // "Advertisement", "Sponsored", "Scroll to continue"
  kByline,        // "By Jane Doe", "By JANE DOE and JOHN ROE", "Associated Press", "Staff Reporter"
  kCredits,       // "Reporting by …; Editing by …", "Additional reporting by …"
  kCopyright,     // "© 2024 Reuters", "Copyright …", "All rights reserved"
  kCounter,       // "1,234 views", "3 min read", lines of only digits and punctuation
  kDateOnly,      // a line that is only a date/time ("Published: 11:34, 15 November 2023") — used for dating
  kNavigation,    // "Skip to content", "Home", "Menu", "Tags: …", "Categories: …"
};

const char* line_kind_name(LineKind k);

// Classifies one line (without its newline).
LineKind classify_line(std::string_view line);

// Removes embedded photo credits from a caption or paragraph: a trailing "Photo/Middle East Monitor",
// "Photo: X/Reuters", "REUTERS/Name", "(AP Photo/Name)" anywhere, a leading "© Sputnik/ Name". Returns the line
// without them (trimmed); an unchanged line when there is none.
std::string strip_photo_credits(std::string_view line);

}  // namespace casus::clean
