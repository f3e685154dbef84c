package dev.blueprint.core.generate;

import dev.blueprint.core.problem.Location;
import dev.blueprint.core.problem.Problem;
import dev.blueprint.core.problem.ProblemException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FreeMarker templates: packaged ones from {@code blueprint/templates} in the jar (the
 * repository's top-level {@code templates/}), overridden file by file by an optional folder. One
 * {@link Configuration} per template source per process, with the safety settings of the field
 * guide: no {@code ?new}, no {@code ?api}, errors rethrown, missing values are errors.
 */
public final class Templates {

  /** Where the packaged templates live on the class path. */
  public static final String PACKAGED = "/blueprint/templates";

  private static final Map<Optional<Path>, Templates> CACHE = new ConcurrentHashMap<>();

  private final Configuration configuration;

  private Templates(Configuration configuration) {
    this.configuration = configuration;
  }

  /** The packaged templates. */
  public static Templates packaged() {
    return forOverrides(null);
  }

  /** The packaged templates, overridden by files in {@code dir} when it is not null. */
  public static Templates forOverrides(Path dir) {
    Optional<Path> key = Optional.ofNullable(dir).map(p -> p.toAbsolutePath().normalize());
    return CACHE.computeIfAbsent(key, k -> new Templates(configure(k.orElse(null))));
  }

  private static Configuration configure(Path overrides) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    TemplateLoader packaged = new ClassTemplateLoader(Templates.class, PACKAGED);
    try {
      cfg.setTemplateLoader(
          overrides == null
              ? packaged
              : new MultiTemplateLoader(
                  new TemplateLoader[] {new FileTemplateLoader(overrides.toFile()), packaged}));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read templates folder " + overrides, e);
    }
    cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
    cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setLocalizedLookup(false);
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    cfg.setLocale(java.util.Locale.ROOT);
    cfg.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    return cfg;
  }

  /** True when a template of that name exists (packaged or overridden). */
  public boolean exists(String name) {
    try {
      return configuration.getTemplateLoader().findTemplateSource(name) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Renders a template to a string; errors name the template, its line and the element. */
  public String render(String name, String element, Map<String, Object> model)
      throws ProblemException {
    StringWriter out = new StringWriter();
    render(name, element, model, out);
    return out.toString();
  }

  /** Renders a template to a writer; errors name the template, its line and the element. */
  public void render(String name, String element, Map<String, Object> model, Writer out)
      throws ProblemException {
    try {
      Template template = configuration.getTemplate(name);
      template.process(model, out);
    } catch (TemplateException e) {
      String source = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
      Integer line = e.getLineNumber();
      Integer column = e.getColumnNumber();
      throw new ProblemException(
          new Problem(
              "BP-GEN-001",
              dev.blueprint.core.problem.Severity.ERROR,
              new Location(
                  "template " + source, line == null ? 0 : line, column == null ? 0 : column),
              element,
              firstLine(e.getMessageWithoutStackTop()),
              null));
    } catch (IOException e) {
      throw new ProblemException(
          Problem.error(
              "BP-GEN-002",
              Location.ofFile("template " + name),
              element,
              "cannot read the template: " + e.getMessage()));
    }
  }

  /**
   * Refuses a templates folder holding a symbolic link whose target is outside the folder
   * (BP-GEN-005, one problem per link, naming the link and its target): FreeMarker would refuse it
   * only when that template is first used, with a message of its own and no rule id, and a verbatim
   * copy would read the outside file.
   */
  public static void checkOverrides(Path dir) throws IOException, ProblemException {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    Path root = dir.toRealPath();
    List<Problem> problems = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isSymbolicLink).sorted().toList()) {
        Path target = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        Path real = Files.exists(p) ? p.toRealPath() : target;
        if (!real.startsWith(root)) {
          problems.add(
              new Problem(
                  "BP-GEN-005",
                  dev.blueprint.core.problem.Severity.ERROR,
                  Location.ofFile(p.toString()),
                  "",
                  "the template "
                      + dir.relativize(p)
                      + " is a symbolic link to "
                      + real
                      + ", outside the templates folder "
                      + root,
                  "copy the file into the templates folder instead of linking to it"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(problems);
    }
  }

  /** Reads a template source verbatim (for templates copied without rendering). */
  public static String readOverrideOrPackaged(Path overrides, String name) throws IOException {
    if (overrides != null && Files.isRegularFile(overrides.resolve(name))) {
      return Files.readString(overrides.resolve(name), StandardCharsets.UTF_8);
    }
    try (var in = Templates.class.getResourceAsStream(PACKAGED + "/" + name)) {
      if (in == null) {
        throw new IOException("no packaged template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * FreeMarker's message up to its tips, on one line, without the "[in template ...]" part that the
   * location already gives: e.g. "The following has evaluated to null or missing: ==> name".
   */
  private static String firstLine(String s) {
    if (s == null) {
      return "template error";
    }
    StringBuilder b = new StringBuilder();
    for (String line : s.strip().split("\n")) {
      String l = line.strip();
      if (l.startsWith("----")) {
        break;
      }
      if (!l.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append(l.replaceAll("\\s*\\[in template .*$", ""));
      }
    }
    return b.length() == 0 ? "template error" : b.toString();
  }
}
