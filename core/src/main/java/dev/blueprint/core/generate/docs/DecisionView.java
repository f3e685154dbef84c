package dev.blueprint.core.generate.docs;

import dev.blueprint.core.generate.storage.StructuredText;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A decision record as MADR 4 lays it out: numbered file, front matter, drivers resolved to the
 * requirements they name.
 *
 * @param number four digits, the record's position in the blueprint
 * @param file the file name, e.g. 0001-kafka-for-the-page-view-stream.md
 * @param title the title
 * @param status proposed, accepted, ...
 * @param date yyyy-MM-dd, or "" when the blueprint gives none (never today's date)
 * @param frontMatter the YAML between the --- lines
 * @param decision the decision itself
 * @param drivers the drivers, with requirement text where a driver is a requirement id
 */
public record DecisionView(
    String number,
    String file,
    String title,
    String status,
    String date,
    String frontMatter,
    Decision decision,
    List<Driver> drivers) {

  public DecisionView {
    drivers = List.copyOf(drivers);
  }

  /**
   * A decision driver.
   *
   * @param text the driver as written (a requirement id or a statement)
   * @param requirement the requirement it names, or null
   */
  public record Driver(String text, RequirementView requirement) {}

  public static List<DecisionView> of(Blueprint b) {
    Map<String, RequirementView> requirements = RequirementView.index(b);
    List<DecisionView> out = new ArrayList<>();
    List<Decision> decisions = b.architectureOrEmpty().decisions();
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      String number = String.format(Locale.ROOT, "%04d", i + 1);
      String title = d.title() == null || d.title().isBlank() ? "Decision " + (i + 1) : d.title();
      String status = d.status() == null ? "proposed" : d.status().name().toLowerCase(Locale.ROOT);
      String date = d.date() == null ? "" : d.date().toString();
      Map<String, Object> front = new LinkedHashMap<>();
      front.put("status", status);
      if (!date.isEmpty()) {
        front.put("date", date);
      }
      if (!d.decisionMakers().isEmpty()) {
        front.put("decision-makers", String.join(", ", d.decisionMakers()));
      }
      List<Driver> drivers = new ArrayList<>();
      for (String driver : d.drivers()) {
        drivers.add(new Driver(driver, requirements.get(driver.strip())));
      }
      out.add(
          new DecisionView(
              number,
              number + "-" + slug(title) + ".md",
              title,
              status,
              date,
              StructuredText.yaml(front),
              d,
              drivers));
    }
    return out;
  }

  /** lowercase-words-joined-by-dashes, at most 50 characters, "decision" when nothing is left. */
  static String slug(String title) {
    String s =
        java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > 50) {
      s = s.substring(0, 50).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "decision" : s;
  }
}
