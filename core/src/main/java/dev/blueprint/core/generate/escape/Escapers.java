package dev.blueprint.core.generate.escape;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The escapers by the name templates call them with: {@code ${esc.py(description)}}. Each
 * contributor's templates use the escaper of the file's own language.
 */
public final class Escapers {
  private static final Map<String, Escaper> BY_NAME = build();

  private Escapers() {}

  private static Map<String, Escaper> build() {
    Map<String, Escaper> m = new TreeMap<>();
    // name -> escaper; one line per language
    m.put("py", new PythonEscaper());
    m.put("jinja", new JinjaEscaper());
    m.put("yaml", new YamlEscaper());
    m.put("json", new JsonEscaper());
    m.put("sh", new ShellEscaper());
    m.put("sql", SqlEscapers::literal);
    m.put("sqlid", SqlEscapers::identifier);
    m.put("cql", CqlEscapers::literal);
    m.put("cqlid", CqlEscapers::identifier);
    m.put("cypher", CypherEscapers::literal);
    m.put("cypherid", CypherEscapers::identifier);
    m.put("md", MarkdownEscaper::text);
    m.put("mdcode", MarkdownEscaper::code);
    m.put("mermaid", MermaidEscaper::label);
    m.put("comment", CommentEscaper::escape);
    return Collections.unmodifiableMap(m);
  }

  /** Every escaper by name. */
  public static Map<String, Escaper> all() {
    return BY_NAME;
  }

  /** The escapers as FreeMarker methods, for the {@code esc} variable of every template. */
  public static Map<String, TemplateMethodModelEx> templateFunctions() {
    return FUNCTIONS;
  }

  // built once: every rendered file gets the same read-only map
  private static final Map<String, TemplateMethodModelEx> FUNCTIONS = buildFunctions();

  private static Map<String, TemplateMethodModelEx> buildFunctions() {
    Map<String, TemplateMethodModelEx> m = new TreeMap<>();
    BY_NAME.forEach((name, escaper) -> m.put(name, method(name, escaper)));
    return Collections.unmodifiableMap(m);
  }

  private static TemplateMethodModelEx method(String name, Escaper escaper) {
    return new TemplateMethodModelEx() {
      @Override
      public Object exec(@SuppressWarnings("rawtypes") List args) throws TemplateModelException {
        if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel s)) {
          throw new TemplateModelException(
              "esc." + name + " takes one string; handle a missing value in the template");
        }
        return new SimpleScalar(escaper.escape(s.getAsString()));
      }
    };
  }
}
