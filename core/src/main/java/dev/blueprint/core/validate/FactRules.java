package dev.blueprint.core.validate;

import dev.blueprint.core.advice.Aliases;
import dev.blueprint.core.advice.knowledge.DecisionDef;
import dev.blueprint.core.advice.knowledge.Facts;
import dev.blueprint.core.advice.knowledge.Knowledge;
import dev.blueprint.core.advice.knowledge.OptionDef;
import dev.blueprint.core.model.AccessPattern;
import dev.blueprint.core.model.Blueprint;
import dev.blueprint.core.model.Constraint;
import dev.blueprint.core.model.Consumer;
import dev.blueprint.core.model.DataNeed;
import dev.blueprint.core.model.DataRole;
import dev.blueprint.core.model.Durations;
import dev.blueprint.core.model.ExistingComponent;
import dev.blueprint.core.model.Hosting;
import dev.blueprint.core.model.NonFunctionalRequirement;
import dev.blueprint.core.model.PlatformFacts;
import dev.blueprint.core.model.ReadLatency;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts of format version 2, and the notice that moves a version-1 file to it.
 *
 * <ul>
 *   <li>BP-MIG-001 (warning): a version-1 file; says what to add for advice from facts.
 *   <li>BP-MIG-002: a version-2 file uses version 1's {@code latency} for a consumer.
 *   <li>BP-CON-001: a constraint's {@code requires} or {@code avoids}, or the platform's {@code
 *       adopt} or {@code avoid}, is neither an option id of the knowledge base nor a platform fact;
 *       names the closest id.
 *   <li>BP-CON-003 (warning): a product name where an option id belongs, read as its option.
 *   <li>BP-CON-002 (warning): a constraint that neither requires nor avoids anything drives
 *       nothing.
 *   <li>BP-PLAT-001: a provider for a self-hosted platform; BP-PLAT-002 (warning): a cloud without
 *       its provider.
 *   <li>BP-FACT-001: traversalDepth without access traversal, or below 1.
 *   <li>BP-FACT-002: a read latency without a value, or a percentile outside (0, 100].
 *   <li>BP-FACT-003: data that expires but is a system of record (an expiring copy is a cache).
 *   <li>BP-REF-001: data {@code from}, an NFR's {@code about}, an existing system's {@code holds}
 *       and (in a version-2 requirements document) a consumer's {@code reads} that name nothing.
 * </ul>
 */
final class FactRules implements Rule {

  /** Platform facts a constraint may require or avoid, besides the knowledge base's option ids. */
  static final List<String> PLATFORM_FACTS =
      List.of(
          "cloud", "self-hosted", "aws", "azure", "gcp", "managed", "serverless", "self-managed");

  /** Words people use for a platform fact, and the fact's id. */
  private static final Map<String, String> SYNONYMS =
      Map.of(
          "on-premise", "self-hosted",
          "on-premises", "self-hosted",
          "on-prem", "self-hosted",
          "amazon", "aws",
          "google", "gcp",
          "microsoft", "azure",
          "saas", "managed");

  @Override
  public void check(Context c) {
    Blueprint b = c.blueprint();
    if (b.blueprint() != null && b.blueprint() == Blueprint.FORMAT_VERSION_1) {
      migrationNotice(c, b);
    }
    boolean v2 = b.blueprint() != null && b.blueprint() >= Blueprint.FORMAT_VERSION;
    Set<String> options = optionIds();
    constraints(c, b, options);
    platform(c, b.platform(), options);

    Set<String> sources = new LinkedHashSet<>();
    b.sources().forEach(s -> sources.add(s.id()));
    Set<String> data = new LinkedHashSet<>();
    b.data().forEach(d -> data.add(d.name()));
    for (int i = 0; i < b.data().size(); i++) {
      DataNeed d = b.data().get(i);
      String p = "data[" + i + "]";
      for (int j = 0; j < d.from().size(); j++) {
        ref(
            c,
            d.from().get(j),
            p + ".from[" + j + "]",
            sources,
            "data '" + d.name() + "' comes from",
            "source");
      }
      if (d.expiry() != null && d.role() == DataRole.SYSTEM_OF_RECORD) {
        c.error(
            "BP-FACT-003",
            p + ".expiry",
            "data '"
                + d.name()
                + "' expires after "
                + Durations.format(d.expiry())
                + " but is a system of record",
            "a system of record keeps its data; an expiring copy has role cache or derived");
      }
    }
    Set<String> elements = new LinkedHashSet<>();
    elements.addAll(sources);
    elements.addAll(data);
    b.consumers().forEach(k -> elements.add(k.id()));
    b.architectureOrEmpty().datasets().forEach(d -> elements.add(d.name()));
    b.architectureOrEmpty().streams().forEach(s -> elements.add(s.name()));
    for (int i = 0; i < b.consumers().size(); i++) {
      consumer(c, b, b.consumers().get(i), "consumers[" + i + "]", v2, data, sources);
    }
    List<NonFunctionalRequirement> nfrs = b.requirements().nonFunctional();
    for (int i = 0; i < nfrs.size(); i++) {
      NonFunctionalRequirement n = nfrs.get(i);
      for (int j = 0; j < n.about().size(); j++) {
        ref(
            c,
            n.about().get(j),
            "requirements.nonFunctional[" + i + "].about[" + j + "]",
            elements,
            "requirement " + n.id() + " is about",
            "consumer, data, source, dataset or stream");
      }
    }
    if (b.engagement() != null && b.engagement().existingSystem() != null) {
      List<ExistingComponent> systems = b.engagement().existingSystem().systems();
      Set<String> held = new LinkedHashSet<>(data);
      b.architectureOrEmpty().datasets().forEach(d -> held.add(d.name()));
      for (int i = 0; i < systems.size(); i++) {
        ExistingComponent s = systems.get(i);
        String p = "engagement.existingSystem.systems[" + i + "]";
        for (int j = 0; j < s.holds().size(); j++) {
          ref(
              c,
              s.holds().get(j),
              p + ".holds[" + j + "]",
              held,
              "system '" + s.id() + "' holds",
              "data");
        }
      }
    }
  }

  private static void consumer(
      Context c,
      Blueprint b,
      Consumer k,
      String p,
      boolean v2,
      Set<String> data,
      Set<String> sources) {
    if (v2 && k.latency() != null) {
      c.error(
          "BP-MIG-002",
          p + ".latency",
          "consumer '" + k.id() + "': latency is the version-1 name of freshness",
          k.freshness() == null
              ? "rename latency to freshness (how old the data may be when read); a read's"
                  + " response time is readLatency"
              : "remove latency; freshness is already given");
    }
    if (k.traversalDepth() != null
        && (k.access() != AccessPattern.TRAVERSAL || k.traversalDepth() < 1)) {
      c.error(
          "BP-FACT-001",
          p + ".traversalDepth",
          k.traversalDepth() < 1
              ? "consumer '" + k.id() + "' follows " + k.traversalDepth() + " hops"
              : "consumer '" + k.id() + "' has a traversalDepth but its access is not traversal",
          k.traversalDepth() < 1
              ? "a traversal follows at least 1 hop"
              : "set access: traversal, or remove traversalDepth");
    }
    ReadLatency rl = k.readLatency();
    if (rl != null) {
      if (rl.value() == null || rl.value().isNegative() || rl.value().isZero()) {
        c.error(
            "BP-FACT-002",
            p + ".readLatency",
            "consumer '" + k.id() + "' has a read latency without a positive value",
            "write e.g. readLatency: {percentile: 99, value: 10ms}");
      }
      if (rl.percentile() != null && (rl.percentile() <= 0 || rl.percentile() > 100)) {
        c.error(
            "BP-FACT-002",
            p + ".readLatency.percentile",
            "consumer '" + k.id() + "' has percentile " + Facts.say(rl.percentile()),
            "a percentile lies between 0 and 100, e.g. 99 for p99");
      }
    }
    if (v2 && !b.isBlueprint() && !b.data().isEmpty()) {
      Set<String> known = new LinkedHashSet<>(data);
      known.addAll(sources);
      for (int j = 0; j < k.reads().size(); j++) {
        String r = k.reads().get(j);
        if (!r.contains(".")) { // a name with a dot asks for a stream of that name
          ref(
              c,
              r,
              p + ".reads[" + j + "]",
              known,
              "consumer '" + k.id() + "' reads",
              "data or source");
        }
      }
    }
  }

  private static void constraints(Context c, Blueprint b, Set<String> options) {
    List<Constraint> cs = b.requirements().constraints();
    for (int i = 0; i < cs.size(); i++) {
      Constraint k = cs.get(i);
      String p = "requirements.constraints[" + i + "]";
      if (blank(k.requires()) && blank(k.avoids())) {
        c.warning(
            "BP-CON-002",
            p,
            "constraint "
                + k.id()
                + " names no option or platform fact, so it drives no decision (its text is"
                + " kept in the report)",
            "add requires: or avoids: with an option id or platform fact, e.g. requires:"
                + " managed, avoids: graph");
      }
      known(c, k.requires(), p + ".requires", options, "constraint " + k.id() + " requires");
      known(c, k.avoids(), p + ".avoids", options, "constraint " + k.id() + " avoids");
    }
  }

  private static void platform(Context c, PlatformFacts pf, Set<String> options) {
    if (pf == null) {
      return;
    }
    if (pf.provider() != null && pf.hosting() == Hosting.SELF_HOSTED) {
      c.error(
          "BP-PLAT-001",
          "platform.provider",
          "the platform is self-hosted but names cloud provider "
              + pf.provider().name().toLowerCase(Locale.ROOT),
          "set hosting: cloud, or remove provider");
    }
    if (pf.hosting() == Hosting.CLOUD && pf.provider() == null) {
      c.warning(
          "BP-PLAT-002",
          "platform.hosting",
          "the platform is a cloud, but which one is not said",
          "add provider: aws, azure or gcp; managed offerings differ by provider");
    }
    for (int i = 0; i < pf.adopt().size(); i++) {
      known(c, pf.adopt().get(i), "platform.adopt[" + i + "]", options, "the platform adopts");
    }
    for (int i = 0; i < pf.avoid().size(); i++) {
      known(c, pf.avoid().get(i), "platform.avoid[" + i + "]", options, "the platform avoids");
    }
  }

  /** The version-1 notice: the file loads as before, and what to add for advice from facts. */
  private static void migrationNotice(Context c, Blueprint b) {
    List<String> add = new ArrayList<>();
    if (b.platform() == null) {
      add.add("platform (hosting, provider, operations)");
    }
    if (b.data().isEmpty() && !b.isBlueprint()) {
      add.add("data (what consumers read: role, expiry, rows, shape, transactions)");
    }
    List<String> renamed = new ArrayList<>();
    List<String> noAccess = new ArrayList<>();
    for (Consumer k : b.consumers()) {
      if (k.latency() != null) {
        renamed.add(k.id());
      }
      if (k.access() == null) {
        noAccess.add(k.id());
      }
    }
    if (!noAccess.isEmpty()) {
      add.add(
          "consumers' access, readLatency and peakReadsPerSecond ("
              + String.join(", ", noAccess)
              + ")");
    }
    if (b.sources().stream().anyMatch(s -> s.orderPerKey() == null)) {
      add.add("sources' orderPerKey and validated");
    }
    boolean improve =
        b.engagement() != null
            && b.engagement().existingSystem() != null
            && b.engagement().existingSystem().systems().isEmpty();
    if (improve) {
      add.add("engagement.existingSystem.systems (technology, role, holds, capacity, intent)");
    }
    String hint =
        "set blueprint: 2"
            + (renamed.isEmpty() ? "" : ", rename consumers' latency to freshness")
            + (add.isEmpty() ? "" : " and add " + String.join("; ", add))
            + "; see the README's file format";
    c.warning(
        "BP-MIG-001",
        "blueprint",
        "a version-1 file: it loads as before, but the advisor has to assume the facts that"
            + " version 2 states, and marks those decisions low confidence",
        hint);
  }

  private static void known(
      Context c, String value, String path, Set<String> options, String what) {
    if (blank(value) || options.contains(value) || PLATFORM_FACTS.contains(value)) {
      return;
    }
    String alias = aliasOf(value);
    if (alias != null) {
      c.warning(
          "BP-CON-003",
          path,
          what + " '" + value + "', a product; the advice reads it as the option '" + alias + "'",
          "write " + alias + " to say so");
      return;
    }
    List<String> all = new ArrayList<>(options);
    all.addAll(PLATFORM_FACTS);
    String synonym = SYNONYMS.get(value.toLowerCase(Locale.ROOT));
    if (synonym == null) {
      synonym = aliasOf(value);
    }
    String dym =
        synonym != null ? "did you mean '" + synonym + "'?" : Context.didYouMean(value, all);
    c.error(
        "BP-CON-001",
        path,
        what + " '" + value + "', which is no option of the knowledge base and no platform fact",
        (dym == null ? "" : dym + " ")
            + "options: "
            + String.join(", ", options)
            + "; platform facts: "
            + String.join(", ", PLATFORM_FACTS));
  }

  private static void ref(
      Context c, String value, String path, Set<String> known, String what, String kind) {
    if (value == null || known.contains(value)) {
      return;
    }
    c.error(
        "BP-REF-001",
        path,
        what + " '" + value + "', but there is no " + kind + " of that name",
        Context.didYouMean(value, known));
  }

  /** The option whose alias a technology's name is (postgresql is relational), or null. */
  static String aliasOf(String technology) {
    return Aliases.optionOf(technology, Knowledge.builtIn());
  }

  /**
   * Every option id of the built-in knowledge base: the five decisions' options in the order a
   * consultant reads them (store, messaging, format, cache, orchestration), then any other
   * decision's, sorted.
   */
  private static Set<String> optionIds() {
    Set<String> ids = new LinkedHashSet<>();
    Knowledge kb = Knowledge.builtIn();
    for (String decision : List.of("store", "messaging", "format", "cache", "orchestration")) {
      DecisionDef d = kb.decisions().get(decision);
      if (d != null) {
        d.options().stream().map(OptionDef::id).forEach(ids::add);
      }
    }
    kb.decisions().values().stream()
        .flatMap(d -> d.options().stream())
        .map(OptionDef::id)
        .sorted()
        .forEach(ids::add);
    return ids;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
