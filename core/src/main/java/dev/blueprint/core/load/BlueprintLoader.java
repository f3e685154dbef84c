package dev.blueprint.core.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
    bytes = null; // decoded: the text is all that is needed from here on
    if (text.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
      throw new ProblemException(
          Problem.error(
              "BP-FILE-004",
              Location.ofFile(name),
              "",
              "is empty; a blueprint file starts with 'blueprint: 1' and an 'engagement:'"
                  + " mapping"));
    }
    YamlReader.Result read = YamlReader.read(name, text);
    List<Problem> problems = new ArrayList<>(read.problems());
    if (read.root() != null && problems.stream().noneMatch(p -> p.ruleId().equals("BP-YAML-004"))) {
      problems.addAll(ShapeChecker.check(name, read.root(), Shapes.of(Blueprint.class)));
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(sorted(problems));
    }
    // Locations are needed only when a rule reports a problem; for a large file the map holds
    // millions of paths, so it is built on first use, from a second reading of the kept text
    // (keeping the tree instead would hold far more memory through a whole generation).
    SourceMap map =
        SourceMap.lazy(name, () -> sourceMap(name, YamlReader.read(name, text).root()).locations());
    TokenBuffer recorded = read.tokens();
    // the tree has served: let it go before the model is built (it is the largest thing in memory
    // while a large blueprint loads)
    read = null;
    if (recorded != null) {
      // bind from the tokens the reader recorded: parsing the text again was a third of the time
      // of loading a large blueprint. On any failure, bind from the text for a located message.
      try (JsonParser tokens = recorded.asParser(BlueprintMapper.yaml())) {
        return new LoadedBlueprint(BlueprintMapper.yaml().readValue(tokens, Blueprint.class), map);
      } catch (IOException e) {
        // fall through
      }
    }
    try {
      Blueprint blueprint = BlueprintMapper.yaml().readValue(text, Blueprint.class);
      return new LoadedBlueprint(blueprint, map);
    } catch (JsonMappingException e) {
      // the shape check should have caught it; report what Jackson says, located
      throw new ProblemException(
          Problem.error(
              "BP-YAML-003",
              e.getLocation() == null
                  ? Location.ofFile(name)
                  : SourceMap.toLocation(name, e.getLocation()),
              path(e),
              cleanMessage(e)));
    } catch (JsonProcessingException e) {
      throw new ProblemException(YamlReader.syntax(name, e));
    }
  }

  /** Problems in file order, then by rule id. */
  static List<Problem> sorted(List<Problem> problems) {
    return problems.stream()
        .sorted(
            Comparator.comparingInt((Problem p) -> p.location().line())
                .thenComparingInt(p -> p.location().column())
                .thenComparing(Problem::ruleId))
        .toList();
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
    if (isAscii(bytes)) {
      // the usual case, and one copy: the strict decoder below builds a char[] twice the size of
      // the file before the String (three copies of a 60 MB file at once)
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
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

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
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

  /** Records where each key and list item starts, by path. */
  static SourceMap sourceMap(String name, YamlNode root) {
    Map<String, Location> locations = new HashMap<>();
    collect(name, root, "", locations);
    return new SourceMap(name, locations);
  }

  private static void collect(
      String name, YamlNode node, String path, Map<String, Location> locations) {
    if (node instanceof YamlNode.MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        String child = ShapeChecker.join(path, map.key(i));
        locations.put(child, YamlNode.at(name, map.keyPos(i)));
        collect(name, map.value(i), child, locations);
      }
    } else if (node instanceof YamlNode.ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        String child = path + "[" + i + "]";
        locations.put(child, list.item(i).location(name));
        collect(name, list.item(i), child, locations);
      }
    }
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
