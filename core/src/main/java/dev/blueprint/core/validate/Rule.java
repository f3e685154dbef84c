package dev.blueprint.core.validate;

/** One family of semantic rules; each problem it reports carries a stable rule id. */
interface Rule {
  void check(Context context);
}
