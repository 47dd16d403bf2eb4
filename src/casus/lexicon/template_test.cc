#include "casus/lexicon/template.h"
#include <gtest/gtest.h>
namespace casus::lexicon {
TEST(Template, Placeholder) { EXPECT_TRUE(parse_template("-")); }
}
