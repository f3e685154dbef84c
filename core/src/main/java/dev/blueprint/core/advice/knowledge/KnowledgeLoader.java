package dev.blueprint.core.advice.knowledge;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.blueprint.core.load.BlueprintMapper;
import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the knowledge base strictly: unknown keys, unknown options or criteria, scores outside
 * 0..5, rules without a source, and facts a decision does not know are all errors that name the
 * file.
 */
public final class KnowledgeLoader {
  private static final String ROOT = "/blueprint/knowledge/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final Set<String> ALWAYS_KNOWN = Set.of("subject");
  private static Knowledge builtIn;

  private KnowledgeLoader() {}

  /** The knowledge shipped in the jar. */
  public static synchronized Knowledge builtIn() {
    if (builtIn == null) {
      try {
        builtIn = load(null);
      } catch (ProblemException e) {
        throw new IllegalStateException(
            "the built-in knowledge base is invalid:\n" + e.getMessage());
      }
    }
    return builtIn;
  }

  /** The built-in knowledge plus every {@code *.yaml} in {@code extraDir} (name order). */
  public static Knowledge load(Path extraDir) throws ProblemException {
    Builder b = new Builder();
    Files.Index index = readResource("index.yaml", Files.Index.class);
    for (String f : index.files()) {
      b.add(ROOT.substring(1) + f, resourceText(f));
    }
    b.extending = true;
    if (extraDir != null) {
      if (!java.nio.file.Files.isDirectory(extraDir)) {
        throw new ProblemException(
            Problem.error(
                "BP-KB-001", Location.ofFile(extraDir.toString()), "", "is not a folder"));
      }
      List<Path> files;
      try (Stream<Path> s = java.nio.file.Files.list(extraDir)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
      } catch (IOException e) {
        throw new ProblemException(
            Problem.error("BP-KB-001", Location.ofFile(extraDir.toString()), "", "cannot be read"));
      }
      for (Path p : files) {
        try {
          b.add(p.toString(), java.nio.file.Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new ProblemException(
              Problem.error("BP-KB-001", Location.ofFile(p.toString()), "", "cannot be read"));
        }
      }
    }
    return b.build();
  }

  private static String resourceText(String name) {
    try (InputStream in = KnowledgeLoader.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing knowledge resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T readResource(String name, Class<T> type) {
    try {
      return BlueprintMapper.yaml().readValue(resourceText(name), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Builder {
    final Map<String, DecisionDef> decisions = new LinkedHashMap<>();
    final Map<String, Threshold> thresholds = new TreeMap<>();
    final Map<String, SourceTemplate> sources = new TreeMap<>();
    final List<String> keywords = new ArrayList<>();
    final Map<String, List<String>> access = new TreeMap<>();
    final List<String> vague = new ArrayList<>();
    final Map<String, String> rewrites = new TreeMap<>();
    final List<String> files = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    boolean extending;

    void add(String name, String text) throws ProblemException {
      files.add(name);
      JsonNode tree;
      try {
        tree = BlueprintMapper.yaml().readTree(text);
      } catch (IOException e) {
        throw new ProblemException(error(name, "", "not valid YAML: " + firstLine(e)));
      }
      if (tree == null || !tree.isObject()) {
        throw new ProblemException(error(name, "", "must be a mapping"));
      }
      if (tree.has("decision")) {
        addDecision(name, bind(name, text, DecisionDef.class));
      } else if (tree.has("thresholds")) {
        for (Threshold t : bind(name, text, Files.Thresholds.class).thresholds()) {
          require(
              name,
              "thresholds." + t.id(),
              t.id() != null && t.value() != null,
              "needs id and value");
          require(name, "thresholds." + t.id(), notBlank(t.source()), "needs a source");
          thresholds.put(t.id(), t);
        }
      } else if (tree.has("sources")) {
        Files.Sources s = bind(name, text, Files.Sources.class);
        if (s.consolidationKeywords() != null) {
          keywords.addAll(s.consolidationKeywords());
        }
        if (s.accessKeywords() != null) {
          s.accessKeywords()
              .forEach((k, v) -> access.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        for (SourceTemplate t : s.sources()) {
          require(name, "sources." + t.kind(), notBlank(t.source()), "needs a source");
          require(name, "sources." + t.kind(), !t.fields().isEmpty(), "needs fields");
          sources.put(t.kind(), t);
        }
      } else if (tree.has("vagueWords") || tree.has("rewrites")) {
        Files.Smart s = bind(name, text, Files.Smart.class);
        if (s.vagueWords() != null) {
          vague.addAll(s.vagueWords());
        }
        if (s.rewrites() != null) {
          rewrites.putAll(s.rewrites());
        }
      } else {
        throw new ProblemException(
            error(
                name,
                "",
                "is no knowledge file: it needs one of the keys decision, thresholds, sources,"
                    + " vagueWords"));
      }
      if (!problems.isEmpty()) {
        throw new ProblemException(problems);
      }
    }

    private void addDecision(String name, DecisionDef d) {
      DecisionDef base = decisions.get(d.decision());
      if (base == null
          && !decisions.isEmpty()
          && name.contains("/")
          && !name.startsWith("blueprint/")) {
        problems.add(
            error(
                name,
                "decision",
                "unknown decision '"
                    + d.decision()
                    + "'; a knowledge file extends one of: "
                    + String.join(", ", decisions.keySet())));
        return;
      }
      DecisionDef merged = base == null ? d : merge(base, d);
      check(name, merged);
      decisions.put(merged.decision(), merged);
    }

    /** Extension scores come first so that they override; everything else is appended. */
    private static DecisionDef merge(DecisionDef base, DecisionDef ext) {
      return new DecisionDef(
          base.decision(),
          ext.title() != null ? ext.title() : base.title(),
          ext.question() != null ? ext.question() : base.question(),
          ext.confirmation() != null ? ext.confirmation() : base.confirmation(),
          concat(base.keywords(), ext.keywords()),
          concat(base.facts(), ext.facts()),
          concat(base.options(), ext.options()),
          concat(base.criteria(), ext.criteria()),
          concat(ext.scores(), base.scores()),
          concat(base.knockouts(), ext.knockouts()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      List<T> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }

    private void check(String name, DecisionDef d) {
      String p = "decision " + d.decision();
      Set<String> options = new HashSet<>();
      for (OptionDef o : d.options()) {
        require(name, p + " option " + o.id(), options.add(o.id()), "is defined twice");
      }
      Set<String> criteria = new HashSet<>();
      for (CriterionDef c : d.criteria()) {
        String where = p + " criterion " + c.id();
        require(name, where, criteria.add(c.id()), "is defined twice");
        require(
            name,
            where,
            c.weight() != null && c.weight() >= 1 && c.weight() <= 5,
            "weight must be 1..5");
        checkConditions(name, where, d, c.when());
      }
      for (ScoreRule s : d.scores()) {
        String where = p + " score " + s.option() + "/" + s.criterion();
        require(name, where, options.contains(s.option()), "unknown option '" + s.option() + "'");
        require(
            name,
            where,
            criteria.contains(s.criterion()),
            "unknown criterion '" + s.criterion() + "'");
        require(
            name,
            where,
            s.score() != null && s.score() >= 0 && s.score() <= 5,
            "score must be 0..5");
        require(name, where, notBlank(s.reason()), "needs a reason");
        require(name, where, notBlank(s.source()), "needs a source");
        checkConditions(name, where, d, s.when());
        checkPlaceholders(name, where, d, s.reason());
      }
      Set<String> ids = new HashSet<>();
      for (KnockoutRule k : d.knockouts()) {
        String where = p + " knockout " + k.id();
        require(name, where, k.id() != null && ids.add(k.id()), "needs a unique id");
        require(name, where, options.contains(k.option()), "unknown option '" + k.option() + "'");
        require(name, where, !k.when().isEmpty(), "needs conditions (when)");
        require(name, where, notBlank(k.reason()), "needs a reason");
        require(name, where, notBlank(k.source()), "needs a source");
        checkConditions(name, where, d, k.when());
        checkPlaceholders(name, where, d, k.reason());
      }
    }

    private void checkConditions(String name, String where, DecisionDef d, List<Condition> cs) {
      for (Condition c : cs) {
        require(
            name,
            where,
            d.facts().contains(c.fact()),
            "unknown fact '" + c.fact() + "'; known: " + String.join(", ", d.facts()));
        require(
            name,
            where,
            Condition.OPS.contains(c.op()),
            "unknown op '" + c.op() + "'; use one of " + String.join(" ", Condition.OPS));
        require(name, where, c.value() != null, "needs a value");
      }
    }

    private void checkPlaceholders(String name, String where, DecisionDef d, String text) {
      if (text == null) {
        return;
      }
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        String f = m.group(1);
        require(
            name,
            where,
            d.facts().contains(f) || ALWAYS_KNOWN.contains(f),
            "unknown placeholder {" + f + "}");
      }
    }

    private void require(String file, String path, boolean ok, String message) {
      if (!ok) {
        problems.add(error(file, path, message));
      }
    }

    private static boolean notBlank(String s) {
      return s != null && !s.isBlank();
    }

    private <T> T bind(String name, String text, Class<T> type) throws ProblemException {
      try {
        return BlueprintMapper.yaml().readValue(text, type);
      } catch (UnrecognizedPropertyException e) {
        throw new ProblemException(
            new Problem(
                "BP-KB-002",
                dev.blueprint.core.problem.Severity.ERROR,
                new Location(name, e.getLocation().getLineNr(), e.getLocation().getColumnNr()),
                "",
                "unknown key '" + e.getPropertyName() + "'",
                null));
      } catch (JsonMappingException e) {
        throw new ProblemException(
            new Problem(
                "BP-KB-002",
                dev.blueprint.core.problem.Severity.ERROR,
                e.getLocation() == null
                    ? Location.ofFile(name)
                    : new Location(
                        name, e.getLocation().getLineNr(), e.getLocation().getColumnNr()),
                "",
                firstLine(e),
                null));
      } catch (IOException e) {
        throw new ProblemException(error(name, "", "not valid YAML: " + firstLine(e)));
      }
    }

    Knowledge build() throws ProblemException {
      if (!problems.isEmpty()) {
        throw new ProblemException(problems);
      }
      return new Knowledge(
          decisions, thresholds, sources, keywords, access, vague, rewrites, files);
    }
  }

  private static Problem error(String file, String path, String message) {
    return Problem.error("BP-KB-001", Location.ofFile(file), path, message);
  }

  private static String firstLine(Exception e) {
    String m = e instanceof JsonMappingException jm ? jm.getOriginalMessage() : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
