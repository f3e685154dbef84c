package dev.blueprint.core.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Not a test: measures the producer of SnakeYAML events alone over a large file, SnakeYAML's parser
 * against the fast reading, in one JVM, and compares the two event streams in lockstep. {@code java
 * -cp ... dev.blueprint.core.load.YamlEventsBench FILE [ROUNDS]}.
 */
final class YamlEventsBench {
  private YamlEventsBench() {}

  public static void main(String[] args) throws Exception {
    String text = Files.readString(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int limit = Integer.MAX_VALUE;
    // lockstep comparison of every field of every event
    ParserImpl snake = YamlEvents.snakeParser(text);
    FastYamlEvents fast = new FastYamlEvents(YamlText.of(text, limit));
    long n = 0;
    for (Event s = snake.getEvent(); s != null; s = snake.getEvent(), n++) {
      Event f = fast.next();
      if (f == null) {
        throw new AssertionError("fast declined at event " + n + ", char " + fast.declinedAt());
      }
      String a = YamlEvents.describe(s);
      String b = YamlEvents.describe(f);
      if (!a.equals(b)) {
        throw new AssertionError("event " + n + ": " + a + " vs " + b);
      }
    }
    if (fast.next() != null) {
      throw new AssertionError("fast gives more events");
    }
    System.out.println("equal: " + n + " events");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      for (int which = 0; which < 2; which++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        long count = 0;
        if (which == 0) {
          ParserImpl p = YamlEvents.snakeParser(text);
          while (p.getEvent() != null) {
            count++;
          }
        } else {
          YamlText t = YamlText.of(text, limit);
          FastYamlEvents f = new FastYamlEvents(t);
          while (f.next() != null) {
            count++;
          }
        }
        long c1 = mx.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        System.out.printf(
            "round %d %-9s events %d cpu %.3f s wall %.3f s%n",
            r, which == 0 ? "snakeyaml" : "fast", count, (c1 - c0) / 1e9, (w1 - w0) / 1e9);
      }
    }
  }
}
