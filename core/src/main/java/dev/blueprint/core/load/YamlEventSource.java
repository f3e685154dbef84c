package dev.blueprint.core.load;

import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * SnakeYAML's events for a text: from {@link FastYamlEvents} while it can, then from SnakeYAML's
 * own parser. When the fast reading declines, SnakeYAML's parser reads the text from its start; the
 * events it gives up to where the fast reading stopped were already handed out, so they are skipped
 * (checked to be the same: a fingerprint of each side's events must agree, else this is a bug and
 * fails loudly), and SnakeYAML's events, or its exception, follow from there.
 */
final class YamlEventSource {
  private FastYamlEvents fast;
  private final Parser snake;
  private long handedOut;
  private long fingerprint;
  private boolean ended;

  /**
   * @param text the whole text SnakeYAML's parser reads
   * @param snake SnakeYAML's parser over the same text, not yet read from
   * @param codePointLimit the loader options' limit (a longer text is left to SnakeYAML)
   */
  YamlEventSource(String text, Parser snake, int codePointLimit) {
    YamlText checked = YamlText.of(text, codePointLimit);
    this.fast = checked == null ? null : new FastYamlEvents(checked);
    this.snake = snake;
  }

  /** The next event, as {@code snake.getEvent()} alone would give it; null after the stream end. */
  Event next() {
    if (ended) {
      return null;
    }
    if (fast != null) {
      Event e = fast.next();
      if (e != null) {
        handedOut++;
        fingerprint = mix(fingerprint, e);
        if (e.is(Event.ID.StreamEnd)) {
          ended = true;
        }
        return e;
      }
      fast = null;
      skipHandedOut();
    }
    return snake.getEvent();
  }

  /** Whether every event came from the fast reading so far (for tests and measurements). */
  boolean fast() {
    return fast != null;
  }

  private void skipHandedOut() {
    long again = 0;
    for (long i = 0; i < handedOut; i++) {
      Event e;
      try {
        e = snake.getEvent();
      } catch (RuntimeException x) {
        throw new IllegalStateException(
            "the fast YAML reading gave " + handedOut + " events but SnakeYAML fails at " + i, x);
      }
      again = mix(again, e);
    }
    if (again != fingerprint) {
      throw new IllegalStateException(
          "the fast YAML reading's first " + handedOut + " events differ from SnakeYAML's");
    }
  }

  /** A fingerprint of an event's kind, marks, scalar value length and style. */
  static long mix(long h, Event e) {
    h = h * 31 + e.getEventId().ordinal();
    h = h * 31 + e.getStartMark().getIndex();
    h = h * 31 + e.getStartMark().getLine();
    h = h * 31 + e.getStartMark().getColumn();
    h = h * 31 + e.getEndMark().getIndex();
    h = h * 31 + e.getEndMark().getLine();
    h = h * 31 + e.getEndMark().getColumn();
    if (e instanceof ScalarEvent sc) {
      h = h * 31 + sc.getValue().length(); // not the hash: that would read every value again
      h = h * 31 + sc.getScalarStyle().ordinal();
      h = h * 31 + (sc.getImplicit().canOmitTagInPlainScalar() ? 1 : 0);
      h = h * 31 + (sc.getImplicit().canOmitTagInNonPlainScalar() ? 1 : 0);
    }
    return h;
  }
}
