/**
 * The real systems a blueprint reaches: Kafka topics ({@link dev.blueprint.targets.kafka}),
 * PostgreSQL tables ({@link dev.blueprint.targets.storage}) and the published git repository
 * ({@link dev.blueprint.targets.git}). Each plans before it changes anything, is idempotent, and
 * can undo exactly what it created (the engagement's compensations). No Temporal, no picocli.
 */
package dev.blueprint.targets;
