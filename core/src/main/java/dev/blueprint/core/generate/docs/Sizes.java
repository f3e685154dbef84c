package dev.blueprint.core.generate.docs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Byte counts for people: 1200 becomes "1.2 kB", 40000000000 becomes "40 GB" (SI units). */
public final class Sizes {
  private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};

  private Sizes() {}

  public static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " bytes";
    }
    BigDecimal value = BigDecimal.valueOf(bytes);
    int unit = 0;
    while (value.compareTo(BigDecimal.valueOf(1000)) >= 0 && unit < UNITS.length - 1) {
      value = value.divide(BigDecimal.valueOf(1000));
      unit++;
    }
    int scale = value.compareTo(BigDecimal.TEN) < 0 ? 1 : 0;
    return value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
        + " "
        + UNITS[unit];
  }
}
