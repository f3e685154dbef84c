package dev.blueprint.core.validate;

import dev.blueprint.core.model.Cache;
import dev.blueprint.core.model.ConsideredOption;
import dev.blueprint.core.model.Decision;
import dev.blueprint.core.model.DecisionStatus;
import dev.blueprint.core.model.StoreFamily;
import java.util.List;

/**
 * Decisions and caches: BP-ADR-001 the chosen option is not among the considered options;
 * BP-ADR-002 (warning) an accepted decision names no bad consequence, though every choice is a
 * trade-off; BP-CACHE-001 (warning) a cache without a time to live; BP-CACHE-002 a cache in front
 * of a key-value dataset, which is a cache already.
 */
final class DecisionRules implements Rule {

  @Override
  public void check(Context c) {
    List<Decision> decisions = c.architecture().decisions();
    for (int i = 0; i < decisions.size(); i++) {
      Decision d = decisions.get(i);
      String p = "architecture.decisions[" + i + "]";
      List<String> names = d.options().stream().map(ConsideredOption::name).toList();
      if (d.chosen() != null && !d.options().isEmpty() && !names.contains(d.chosen())) {
        String mean = Context.didYouMean(d.chosen(), names);
        c.error(
            "BP-ADR-001",
            p + ".chosen",
            "decision '" + d.id() + "' chose '" + d.chosen() + "', which is not one of its options",
            mean != null ? mean : "options: " + String.join(", ", names));
      }
      if (d.status() == DecisionStatus.ACCEPTED
          && (d.consequences() == null || d.consequences().bad().isEmpty())) {
        c.warning(
            "BP-ADR-002",
            p + ".id",
            "decision '" + d.id() + "' is accepted but names no bad consequence",
            "every choice is a trade-off: add consequences.bad");
      }
    }
    List<Cache> caches = c.architecture().caches();
    for (int i = 0; i < caches.size(); i++) {
      Cache k = caches.get(i);
      String p = "architecture.caches[" + i + "]";
      if (k.ttl() == null) {
        c.warning(
            "BP-CACHE-001",
            p + ".name",
            "cache '" + k.name() + "' has no ttl, so stale entries live until evicted",
            "set ttl, e.g. 30m");
      }
      if (k.caches() != null
          && c.architecture()
              .dataset(k.caches())
              .map(d -> d.store() == StoreFamily.KEY_VALUE)
              .orElse(false)) {
        c.error(
            "BP-CACHE-002",
            p + ".caches",
            "cache '"
                + k.name()
                + "' caches '"
                + k.caches()
                + "', which is a key-value dataset;"
                + " a cache belongs in front of the system of record",
            "cache the dataset that the key-value data comes from");
      }
    }
  }
}
