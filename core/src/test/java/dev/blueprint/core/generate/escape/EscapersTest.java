package dev.blueprint.core.generate.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blueprint.core.testing.HostileStrings;
import dev.blueprint.core.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each escaper against the real parser of its language, for 10,000 hostile strings each. */
class EscapersTest {
  private static final int COUNT = 10_000;

  private static String lines(List<String> values, Escaper escaper, boolean withExpected) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      if (withExpected) {
        b.append(Python.codePoints(v)).append('\n');
      }
      b.append(Python.codePoints(escaper.escape(v))).append('\n');
    }
    return b.toString();
  }

  @Test
  void everyEscaperIsRegisteredByName() {
    assertTrue(Escapers.all().keySet().containsAll(List.of("py", "jinja", "yaml", "json", "sh")));
  }

  @Test
  void pythonLiteralsRoundTripThroughLiteralEval() throws Exception {
    List<String> values = HostileStrings.generate(42, COUNT, true);
    String script =
        Python.DECODE
            + "import ast, sys\n"
            + "lines = sys.stdin.read().split('\\n')\n"
            + "bad = 0\n"
            + "for i in range(0, len(lines) - 1, 2):\n"
            + "    expected, literal = decode(lines[i]), decode(lines[i + 1])\n"
            + "    if '\\n' in literal or '\\r' in literal:\n"
            + "        print('literal spans lines:', ascii(literal)); bad += 1; continue\n"
            + "    compile('x = ' + literal, '<literal>', 'exec')\n"
            + "    if ast.literal_eval(literal) != expected:\n"
            + "        print('mismatch:', ascii(expected), ascii(literal)); bad += 1\n"
            + "print('checked', (len(lines) - 1) // 2, 'bad', bad)\n"
            + "sys.exit(1 if bad else 0)\n";
    Python.run(script, lines(values, new PythonEscaper(), true)).assertOk("py round trip");
  }

  @Test
  void jinjaTextRendersBackToItselfInsideAPythonLiteral() throws Exception {
    List<String> values = HostileStrings.generate(7, COUNT, false);
    Escaper both = v -> new PythonEscaper().escape(new JinjaEscaper().escape(v));
    String script =
        Python.DECODE
            + "import ast, sys\n"
            + Python.requireModule("jinja2")
            + "env = jinja2.Environment(undefined=jinja2.StrictUndefined,"
            + " extensions=['jinja2.ext.do'])\n"
            + "lines = sys.stdin.read().split('\\n')\n"
            + "bad = 0\n"
            + "for i in range(0, len(lines) - 1, 2):\n"
            + "    expected, literal = decode(lines[i]), decode(lines[i + 1])\n"
            + "    rendered = env.from_string(ast.literal_eval(literal)).render(ds='2026-01-01')\n"
            + "    if rendered != expected:\n"
            + "        print('mismatch:', ascii(expected), ascii(rendered)); bad += 1\n"
            + "print('checked', (len(lines) - 1) // 2, 'bad', bad)\n"
            + "sys.exit(1 if bad else 0)\n";
    Python.run(script, lines(values, both, true)).assertOkOrSkip("jinja round trip");
  }

  @Test
  void jsonStringsParseBackWithJacksonAndPython() throws Exception {
    List<String> values = HostileStrings.generate(11, COUNT, true);
    ObjectMapper json = new ObjectMapper();
    JsonEscaper escaper = new JsonEscaper();
    for (String v : values) {
      assertEquals(v, json.readValue(escaper.escape(v), String.class), v);
    }
    String script =
        Python.DECODE
            + "import json, sys\n"
            + "lines = sys.stdin.read().split('\\n')\n"
            + "bad = 0\n"
            + "for i in range(0, len(lines) - 1, 2):\n"
            + "    expected, literal = decode(lines[i]), decode(lines[i + 1])\n"
            + "    if json.loads(literal) != expected:\n"
            + "        print('mismatch:', ascii(expected), ascii(literal)); bad += 1\n"
            + "sys.exit(1 if bad else 0)\n";
    Python.run(script, lines(values, escaper, true)).assertOk("json round trip");
  }

  @Test
  void yamlScalarsParseBackWithSnakeYamlAndPyYaml() throws Exception {
    List<String> values = HostileStrings.generate(13, COUNT, false);
    YAMLMapper yaml = new YAMLMapper();
    YamlEscaper escaper = new YamlEscaper();
    for (String v : values) {
      String doc = "key: " + escaper.escape(v) + "\n";
      assertEquals(v, yaml.readTree(doc).get("key").textValue(), doc);
    }
    String script =
        Python.DECODE
            + "import sys\n"
            + Python.requireModule("yaml")
            + "lines = sys.stdin.read().split('\\n')\n"
            + "bad = 0\n"
            + "for i in range(0, len(lines) - 1, 2):\n"
            + "    expected, literal = decode(lines[i]), decode(lines[i + 1])\n"
            + "    got = yaml.safe_load('key: ' + literal + '\\n')['key']\n"
            + "    if got != expected:\n"
            + "        print('mismatch:', ascii(expected), ascii(got)); bad += 1\n"
            + "sys.exit(1 if bad else 0)\n";
    assertThrows(IllegalArgumentException.class, () -> escaper.escape("a\ud800b"));
    Python.run(script, lines(values, escaper, true)).assertOkOrSkip("PyYAML round trip");
    assertThrows(IllegalArgumentException.class, () -> escaper.escape("a\ud800b"));
  }

  @Test
  void shellWordsReachTheCommandUnchanged() throws Exception {
    List<String> values =
        HostileStrings.generate(17, 2_000, false).stream().map(v -> v.replace("\0", "")).toList();
    StringBuilder script = new StringBuilder();
    ShellEscaper sh = new ShellEscaper();
    for (String v : values) {
      script.append("printf '%s\\0' ").append(sh.escape(v)).append('\n');
    }
    Process p = new ProcessBuilder("bash", "-c", script.toString()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
    StringBuilder expected = new StringBuilder();
    values.forEach(v -> expected.append(v).append('\0'));
    assertEquals(expected.toString(), new String(out, StandardCharsets.UTF_8));
    assertThrows(IllegalArgumentException.class, () -> sh.escape("a\0b"));
  }
}
