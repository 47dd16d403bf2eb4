#include "casus/util/container.h"

#include <gtest/gtest.h>

#include "casus/util/bytes.h"

namespace casus {

TEST(Container, RoundTripsSectionsCompressedAndRaw) {
  ContainerWriter w("model.test", "unit test");
  std::string big(100000, 'x');
  w.add("a.big", big, true);
  w.add("b.raw", "hello", false);
  auto r = ContainerReader::from_bytes(w.serialize(), "model.test", "mem");
  ASSERT_TRUE(r) << r.status().to_string();
  EXPECT_EQ(r->description(), "unit test");
  EXPECT_EQ(*r->section("a.big"), big);
  EXPECT_EQ(*r->section("b.raw"), "hello");
  EXPECT_EQ(r->section("missing").status().code(), Code::kModelCorrupt);
}

TEST(Container, SerializationIsDeterministic) {
  ContainerWriter w("k", "d");
  w.add("s", "payload");
  EXPECT_EQ(w.serialize(), w.serialize());
}

TEST(Container, RejectsCorruptionWithNamedErrors) {
  ContainerWriter w("model.test", "d");
  w.add("s", std::string(1000, 'y'), false);
  std::string bytes = w.serialize();
  // Wrong kind.
  EXPECT_EQ(ContainerReader::from_bytes(bytes, "model.other", "f").status().code(), Code::kModelCorrupt);
  // Flipped payload byte → CRC failure.
  std::string flipped = bytes;
  flipped[flipped.size() - 10] ^= 1;
  auto r = ContainerReader::from_bytes(flipped, "model.test", "f");
  EXPECT_EQ(r.status().code(), Code::kModelCorrupt);
  EXPECT_NE(r.status().message().find("CRC"), std::string::npos);
  // Truncation anywhere never crashes.
  for (size_t n = 0; n < bytes.size(); n += 7)
    EXPECT_FALSE(ContainerReader::from_bytes(bytes.substr(0, n), "model.test", "f"));
  // Too new a format.
  std::string newer = bytes;
  newer[12] = 99;  // min_reader field
  EXPECT_EQ(ContainerReader::from_bytes(newer, "model.test", "f").status().code(), Code::kModelVersion);
}

TEST(Bytes, ReaderFailsInsteadOfOverreading) {
  ByteWriter w;
  w.u32(7);
  w.str("abc");
  ByteReader r(w.bytes());
  EXPECT_EQ(r.u32(), 7u);
  EXPECT_EQ(r.str(), "abc");
  EXPECT_FALSE(r.failed());
  EXPECT_EQ(r.u64(), 0u);
  EXPECT_TRUE(r.failed());
}

}  // namespace casus
