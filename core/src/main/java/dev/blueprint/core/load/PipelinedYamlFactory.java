package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A {@link YAMLFactory} whose parsers run SnakeYAML on a thread of their own. SnakeYAML's scanner
 * and parser are most of the time of reading a large blueprint (about 2.9 of 5.8 s at 10,000
 * pipelines); with this factory they produce events on a second thread while the calling thread
 * turns the events into tokens and builds the reader's tree from them, so reading a large file
 * takes about the longer of the two rather than their sum.
 *
 * <p>Same tokens, same locations, same errors: Jackson's {@link YAMLParser} is unchanged except
 * where it takes the next SnakeYAML event, and an exception SnakeYAML throws is rethrown to it at
 * the same event, so it reports it exactly as when reading on one thread. Bounded: at most {@value
 * #QUEUED_BATCHES} batches of {@value #BATCH} events wait; closing the parser stops the producing
 * thread.
 *
 * <p>For a text given as a string, the events come from {@link YamlEventSource}: {@link
 * FastYamlEvents} for the block YAML blueprint files are written in (a fifth of SnakeYAML's CPU),
 * SnakeYAML's parser from wherever that declines. Same events, same errors at the same event.
 */
final class PipelinedYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  /** Events handed over at a time: one queue operation per batch, not per event. */
  static final int BATCH = 512;

  /** Batches the producing thread may run ahead. */
  static final int QUEUED_BATCHES = 32;

  /** Whether SnakeYAML's events are produced on a thread of their own. */
  private final boolean threaded;

  PipelinedYamlFactory(YAMLFactory configured, ObjectCodec codec) {
    this(configured, codec, true);
  }

  /**
   * @param threaded false to produce the events on the calling thread (for small documents, where
   *     starting a thread costs more than it saves), with the fast reading all the same
   */
  PipelinedYamlFactory(YAMLFactory configured, ObjectCodec codec, boolean threaded) {
    super(configured, codec);
    this.threaded = threaded;
  }

  /**
   * Whether parsers read the events with {@link FastYamlEvents} first (see {@link
   * YamlEventSource}); tests switch it off to compare with SnakeYAML alone, and the system property
   * {@code blueprint.fastYaml=false} does at start-up (to measure, or should the fast reading ever
   * be in doubt).
   */
  static volatile boolean fastEvents =
      !"false".equals(System.getProperty("blueprint.fastYaml", "true"));

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    return new Parser(
        ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r, threaded);
  }

  /** A parser that also knows the whole text, so the fast reading can take it on. */
  @Override
  public YAMLParser createParser(String content) throws IOException {
    YAMLParser p = super.createParser(content);
    if (fastEvents && p instanceof Parser parser) {
      parser.text = content;
    }
    return p;
  }

  /**
   * A batch of events; the last one of a stream is {@code last}, or carries the failure that ended
   * the producing thread's reading.
   */
  private record Batch(Event[] events, int size, boolean last, Throwable failure) {}

  /** Jackson's parser, taking SnakeYAML's events from the producing thread. */
  static final class Parser extends YAMLParser {
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private volatile boolean closed;
    private Thread producer;
    private Batch batch;
    private int next;
    private final int codePointLimit;
    private final boolean threaded;
    private YamlEventSource source;

    /** The whole text, when known (set before the first event is read); else SnakeYAML alone. */
    private String text;

    /**
     * What SnakeYAML's resolver answered for each short plain scalar seen so far. Jackson asks the
     * resolver for the type of every plain scalar, and for one that starts with a digit, a sign, a
     * dot or one of yYnNtTfFoO, or is at most 10 characters long, the resolver runs its regular
     * expressions (bool, int, float, timestamp, null, empty) on it: a Matcher and its arrays per
     * expression, about a seventh of the calling thread's time and 385 MB of garbage while a
     * 10,000-pipeline blueprint loads. The answer depends on the text alone and such texts repeat
     * (small numbers, enum words, tags), so each distinct one is resolved once.
     */
    private final Map<String, Tag> resolved = new HashMap<>();

    Parser(
        IOContext ctxt,
        int parserFeatures,
        int formatFeatures,
        org.yaml.snakeyaml.LoaderOptions loaderOptions,
        ObjectCodec codec,
        Reader reader,
        boolean threaded) {
      super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
      this.codePointLimit = loaderOptions.getCodePointLimit();
      this.threaded = threaded;
    }

    /** Texts at most this long are remembered; longer ones are mostly unique names. */
    static final int RESOLVED_MAX_LENGTH = 32;

    /** At most this many texts are remembered; past it, the resolver is asked as before. */
    static final int RESOLVED_MAX_ENTRIES = 1 << 16;

    /**
     * Jackson's own decoding, with the resolver's answer for a short plain scalar remembered: a
     * string or a whole number is decoded here exactly as Jackson does after the same answer, and
     * every other case (empty, tagged, quoted, long, float, bool, null, ...) is Jackson's.
     */
    @Override
    protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
      String value = scalar.getValue();
      String tag = scalar.getTag();
      if (value.isEmpty()
          || value.length() > RESOLVED_MAX_LENGTH
          || !(tag == null || tag.equals("!"))
          || !scalar.getImplicit().canOmitTagInPlainScalar()) {
        return super._decodeScalar(scalar);
      }
      Tag type = resolved.get(value);
      if (type == null) {
        type = _yamlResolver.resolve(NodeId.scalar, value, true);
        if (resolved.size() < RESOLVED_MAX_ENTRIES) {
          resolved.put(value, type);
        }
      }
      if (type != Tag.STR && type != Tag.INT) {
        return super._decodeScalar(scalar);
      }
      _textValue = value;
      _cleanedTextValue = null;
      return type == Tag.STR ? JsonToken.VALUE_STRING : _decodeNumberScalar(value, value.length());
    }

    /**
     * The current token's line and column as {@link #currentTokenLocation()} gives them, packed as
     * {@link YamlNode#pos}, without making a {@code JsonLocation} (the reader asks for every
     * token).
     */
    long currentTokenPos() {
      Mark m = _lastEvent == null ? null : _lastEvent.getStartMark();
      return m == null ? YamlNode.pos(-1, -1) : YamlNode.pos(m.getLine() + 1, m.getColumn() + 1);
    }

    @Override
    protected Event getEvent() throws IOException {
      if (!threaded) {
        if (source == null && text != null) {
          source = new YamlEventSource(text, _yamlParser, codePointLimit);
        }
        return source != null ? source.next() : _yamlParser.getEvent();
      }
      if (producer == null) {
        producer = new Thread(this::produce, "blueprint-yaml-reader");
        producer.setDaemon(true);
        producer.start();
      }
      while (batch == null || next == batch.size()) {
        if (batch != null && batch.failure() != null) {
          return rethrow(batch.failure());
        }
        if (batch != null && batch.last()) {
          return null; // as SnakeYAML's parser answers after the end of the stream
        }
        batch = take();
        next = 0;
      }
      Event e = batch.events()[next];
      batch.events()[next++] = null; // handed over: let it go with the token made of it
      return e;
    }

    private Batch take() throws IOException {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while reading YAML");
      }
    }

    /** The producing thread: SnakeYAML's events in batches, until the stream ends or fails. */
    private void produce() {
      Event[] events = new Event[BATCH];
      int size = 0;
      try {
        YamlEventSource source =
            text == null ? null : new YamlEventSource(text, _yamlParser, codePointLimit);
        while (!closed) {
          Event e = source != null ? source.next() : _yamlParser.getEvent();
          events[size++] = e;
          boolean end = e == null || e.is(Event.ID.StreamEnd);
          if (end || size == BATCH) {
            if (!put(new Batch(events, size, end, null))) {
              return;
            }
            if (end) {
              return;
            }
            events = new Event[BATCH];
            size = 0;
          }
        }
      } catch (RuntimeException | Error t) {
        // rethrown to the consumer once it has taken every event before it
        put(new Batch(events, size, true, t));
      }
    }

    /** Queues a batch; false when the parser was closed meanwhile. */
    private boolean put(Batch b) {
      try {
        while (!closed) {
          if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
            return true;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }

    private static Event rethrow(Throwable t) {
      if (t instanceof RuntimeException e) {
        throw e;
      }
      throw (Error) t;
    }

    @Override
    protected void _closeInput() throws IOException {
      // the producing thread stops at its next event or within its next wait to queue a batch
      // (not joined: a reading stopped early, e.g. at a second document, need not wait for it)
      closed = true;
      queue.clear();
      super._closeInput();
    }
  }
}
