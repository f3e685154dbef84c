package dev.blueprint.core.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The buffer's bytes equal {@code OutputTree.lf(text).getBytes(UTF_8)} of the whole text, however
 * the text is cut into writes: line ends and surrogate pairs split across writes included.
 */
class Utf8LfBufferTest {
  private static final char[] ALPHABET = {
    'a', 'Z', '0', ' ', '\n', '\r', '\t', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800',
    '\u20ac', '\uffff', '\ud83d', '\ude00', '\ud800', '\udfff', '?'
  };

  @Test
  void sameBytesAsTheWholeStringEncodedForAnyCutIntoWrites() {
    Random random = new Random(11);
    Utf8LfBuffer buffer = new Utf8LfBuffer();
    for (int n = 0; n < 20_000; n++) {
      char[] cs = new char[random.nextInt(n % 2 == 0 ? 24 : 60)];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      String text = new String(cs);
      buffer.reset();
      for (int at = 0; at < text.length(); ) {
        int len = Math.min(text.length() - at, 1 + random.nextInt(n % 3 == 0 ? 5 : 30));
        switch (random.nextInt(5)) {
          case 0 -> buffer.write(text, at, len);
          case 1 -> buffer.write(text.toCharArray(), at, len);
          case 2 -> buffer.append(text.subSequence(at, at + len));
          case 3 -> buffer.write(text.substring(at, at + len)); // whole strings: the bulk path
          default -> {
            len = 1;
            buffer.write(text.charAt(at));
          }
        }
        at += len;
      }
      buffer.finish();
      assertArrayEquals(
          OutputTree.lf(text).getBytes(StandardCharsets.UTF_8),
          Arrays.copyOf(buffer.bytes(), buffer.size()),
          () -> "for " + text.chars().mapToObj(c -> String.format("%04x", c)).toList());
    }
  }

  @Test
  void aLargeTextGrowsTheBufferAndALaterSmallOneStartsEmpty() {
    Utf8LfBuffer buffer = new Utf8LfBuffer();
    String large = "line\r\n".repeat(400_000) + "\u00e9";
    buffer.write(large);
    buffer.finish();
    assertArrayEquals(
        OutputTree.lf(large).getBytes(StandardCharsets.UTF_8),
        Arrays.copyOf(buffer.bytes(), buffer.size()));
    buffer.reset();
    buffer.write("\ud83d");
    buffer.reset();
    buffer.write("x\n");
    buffer.finish();
    assertArrayEquals("x\n".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(buffer.bytes(), 2));
    assertArrayEquals(new byte[] {'x', '\n'}, Arrays.copyOf(buffer.bytes(), buffer.size()));
  }
}
