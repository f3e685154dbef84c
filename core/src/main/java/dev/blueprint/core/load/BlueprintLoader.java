package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads blueprint and requirements files strictly: bounded size and nesting, UTF-8 only, a mapping
 * at the root, no unknown keys, no type coercion.
 */
public final class BlueprintLoader {

  private BlueprintLoader() {}

  /** Loads a file; the problems name the file as given. */
  public static LoadedBlueprint load(Path file) throws ProblemException {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw new ProblemException(
            Problem.error("BP-FILE-001", Location.ofFile(name), "", "is a folder, not a file"));
      }
      long size = Files.size(file);
      if (size > BlueprintMapper.MAX_DOCUMENT_BYTES) {
        throw new ProblemException(tooLarge(name, size));
      }
      return parse(name, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ProblemException(
          Problem.error("BP-FILE-001", Location.ofFile(name), "", "no such file"));
    } catch (IOException e) {
      throw new ProblemException(
          Problem.error(
              "BP-FILE-001", Location.ofFile(name), "", "cannot be read: " + e.getMessage()));
    }
  }

  /** Parses the bytes of a file called {@code name}. */
  public static LoadedBlueprint parse(String name, byte[] bytes) throws ProblemException {
    if (bytes.length > BlueprintMapper.MAX_DOCUMENT_BYTES) {
      throw new ProblemException(tooLarge(name, bytes.length));
    }
    String text = decode(name, bytes);
    if (text.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
      throw new ProblemException(
          Problem.error(
              "BP-FILE-004",
              Location.ofFile(name),
              "",
              "is empty; a blueprint file starts with 'blueprint: 1' and an 'engagement:'"
                  + " mapping"));
    }
    Blueprint blueprint;
    try {
      checkRootIsMapping(name, text);
      blueprint = BlueprintMapper.yaml().readValue(text, Blueprint.class);
    } catch (JsonProcessingException e) {
      // the full scan reports a syntax error anywhere in the file before a binding error
      sourceMap(name, text);
      throw bindingProblem(name, e);
    }
    // One parse for a valid file: the source map is built only when a problem needs a location.
    return new LoadedBlueprint(
        blueprint,
        SourceMap.lazy(
            name,
            () -> {
              try {
                return sourceMap(name, text).locations();
              } catch (ProblemException e) {
                throw new IllegalStateException("the file parsed once but not twice", e);
              }
            }));
  }

  /** The first token must open a mapping; checked before binding for a clear message. */
  private static void checkRootIsMapping(String name, String text) throws ProblemException {
    try (JsonParser p = BlueprintMapper.yaml().getFactory().createParser(text)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new ProblemException(
            Problem.error(
                "BP-YAML-004",
                SourceMap.toLocation(name, p.currentTokenLocation()),
                "",
                "the document must be a mapping of keys to values, not "
                    + BlueprintMapper.describe(first)));
      }
    } catch (JsonProcessingException e) {
      throw new ProblemException(syntax(name, e));
    } catch (IOException e) {
      throw new ProblemException(
          Problem.error("BP-YAML-001", Location.ofFile(name), "", e.getMessage()));
    }
  }

  private static ProblemException bindingProblem(String name, JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return new ProblemException(unknownKey(name, u));
    }
    if (e instanceof JsonMappingException m) {
      return new ProblemException(
          Problem.error(
              "BP-YAML-003",
              SourceMap.toLocation(name, m.getLocation()),
              path(m),
              cleanMessage(m)));
    }
    return new ProblemException(syntax(name, e));
  }

  private static Problem tooLarge(String name, long size) {
    return Problem.error(
        "BP-FILE-002",
        Location.ofFile(name),
        "",
        "is "
            + size
            + " bytes; blueprint files may be at most "
            + BlueprintMapper.MAX_DOCUMENT_BYTES
            + " bytes");
  }

  private static String decode(String name, byte[] bytes) throws ProblemException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int offset = firstBadByte(bytes);
      int line = 1;
      int column = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          column = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          column++;
        }
      }
      throw new ProblemException(
          Problem.error(
              "BP-FILE-003",
              new Location(name, line, column),
              "",
              String.format(
                  "is not UTF-8: byte 0x%02X at offset %d cannot start or continue a character",
                  bytes[offset] & 0xFF, offset)));
    }
  }

  private static int firstBadByte(byte[] bytes) {
    for (int lo = 0, hi = bytes.length; ; ) {
      // find the shortest prefix that fails to decode
      if (hi - lo <= 1) {
        return lo;
      }
      int mid = (lo + hi) >>> 1;
      if (decodes(bytes, mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }

  private static boolean decodes(byte[] bytes, int length) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      // a prefix that ends inside a multi-byte character fails too; widen the check by three
      return length + 3 <= bytes.length && decodesLoosely(bytes, length);
    }
  }

  private static boolean decodesLoosely(byte[] bytes, int length) {
    for (int extra = 1; extra <= 3; extra++) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, 0, length + extra));
        return true;
      } catch (CharacterCodingException ignored) {
        // try one more byte
      }
    }
    return false;
  }

  /** Walks the token stream once and records where each key and list item starts. */
  static SourceMap sourceMap(String name, String text) throws ProblemException {
    Map<String, Location> locations = new HashMap<>();
    try (JsonParser p = BlueprintMapper.yaml().getFactory().createParser(text)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new ProblemException(
            Problem.error(
                "BP-YAML-004",
                SourceMap.toLocation(name, p.currentTokenLocation()),
                "",
                "the document must be a mapping of keys to values, not "
                    + BlueprintMapper.describe(first)));
      }
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        JsonStreamContext ctx = p.getParsingContext();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          ctx = ctx.getParent();
          if (ctx == null || !ctx.inArray()) {
            continue;
          }
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        } else if (t != JsonToken.FIELD_NAME && !ctx.inArray()) {
          continue;
        }
        locations.putIfAbsent(pathOf(ctx), SourceMap.toLocation(name, p.currentTokenLocation()));
      }
    } catch (JsonProcessingException e) {
      throw new ProblemException(syntax(name, e));
    } catch (IOException e) {
      throw new ProblemException(
          Problem.error("BP-YAML-001", Location.ofFile(name), "", e.getMessage()));
    }
    return new SourceMap(name, locations);
  }

  /** {@code architecture.streams[2].name} for the parser's current position. */
  static String pathOf(JsonStreamContext ctx) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      } else if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static Problem syntax(String name, JsonProcessingException e) {
    String msg = e.getOriginalMessage();
    String rule = "BP-YAML-001";
    if (msg != null && msg.contains("aliases")) {
      rule = "BP-YAML-005";
      msg = "too many aliases (at most " + BlueprintMapper.MAX_ALIASES + "): " + firstLine(msg);
    } else if (msg != null && (msg.contains("nesting") || msg.contains("Nesting"))) {
      rule = "BP-YAML-005";
      msg = "nested too deeply (at most " + BlueprintMapper.MAX_NESTING + " levels)";
    } else {
      msg = "not valid YAML: " + firstLine(msg);
    }
    Location where =
        e.getLocation() == null
            ? Location.ofFile(name)
            : SourceMap.toLocation(name, e.getLocation());
    return Problem.error(rule, where, "", msg);
  }

  private static Problem unknownKey(String name, UnrecognizedPropertyException e) {
    String key = e.getPropertyName();
    java.util.List<String> known =
        e.getKnownPropertyIds() == null
            ? java.util.List.of()
            : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
    String suggestion = Suggestions.closest(key, known);
    Problem p =
        Problem.error(
            "BP-YAML-002",
            SourceMap.toLocation(name, e.getLocation()),
            path(e),
            "unknown key '" + key + "'");
    return suggestion == null
        ? p.withHint("known keys: " + String.join(", ", known))
        : p.withHint("did you mean '" + suggestion + "'?");
  }

  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String cleanMessage(JsonMappingException e) {
    String m = firstLine(e.getOriginalMessage());
    return m.replaceAll("`dev\\.blueprint\\.core\\.model\\.", "`").replace("java.lang.", "");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
