#include "casus/segment/segmenter.h"

#include <gtest/gtest.h>

TEST(Segmenter, Placeholder) { SUCCEED(); }
