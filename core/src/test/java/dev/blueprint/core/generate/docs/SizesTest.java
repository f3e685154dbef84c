package dev.blueprint.core.generate.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void bytesReadAsPeopleSayThem() {
    assertEquals("0 bytes", Sizes.human(0));
    assertEquals("999 bytes", Sizes.human(999));
    assertEquals("1.2 kB", Sizes.human(1200));
    assertEquals("40 GB", Sizes.human(40_000_000_000L));
    assertEquals("180 GB", Sizes.human(180_000_000_000L));
    assertEquals("1.5 TB", Sizes.human(1_460_000_000_000L));
    assertEquals("9.2 EB", Sizes.human(Long.MAX_VALUE));
  }
}
